using Reporting.Estimation;

namespace Reporting.Cli.Commands;

/// <summary>The estimator on any published table (one 0/1 column per list, then <c>count</c>), to check the method.</summary>
public static class EstimateCommand
{
    public static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var path = args.RequiredInputFile("lists");
        var modelText = args.Optional("model") ?? "stepwise";
        args.EnsureAllUsed();
        var parsed = ListTableCsv.ParseFile(path);
        if (!parsed.Succeeded)
        {
            stderr.WriteLine($"reporting : {parsed.ErrorMessage}");
            return ExitCodes.Failure;
        }

        var model = ModelSpecParser.Parse(modelText, parsed.Table!.ListNames);
        if (model.Spec is null)
        {
            throw new UsageException($"--model : {model.Error}");
        }

        var outcome = MseEstimator.Estimate(parsed.Table, model.Spec);
        foreach (var line in MseReportFormatter.Format(outcome))
        {
            stdout.WriteLine(line);
        }

        return outcome is MseEstimate ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
