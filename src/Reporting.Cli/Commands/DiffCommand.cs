using System.Globalization;
using Reporting.Review;

namespace Reporting.Cli.Commands;

public static class DiffCommand
{
    public static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var minChange = (decimal)args.Double("min-change", 0);
        var report = args.Optional("report") ?? "diff.md";
        args.EnsureAllUsed();
        if (args.Positional.Count != 2)
        {
            throw new UsageException("diff attend deux dossiers de publication : reporting diff ANCIEN NOUVEAU");
        }

        var (oldDir, newDir) = (args.Positional[0], args.Positional[1]);
        DiffResult result;
        try
        {
            result = PublicationDiff.Compare(oldDir, newDir, minChange);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            stderr.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }

        var markdown = PublicationDiff.ToMarkdown(result, oldDir, newDir, minChange);
        try
        {
            File.WriteAllText(report, markdown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"reporting : --report {report} : impossible d'écrire le rapport de comparaison ({e.Message})");
            return ExitCodes.Failure;
        }

        stdout.Write(markdown);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nRapport de comparaison : {report}"));
        return result.AnythingChanged ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
