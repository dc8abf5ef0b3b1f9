return Reporting.Cli.ReportingCli.Run(args, Console.Out, Console.Error, Reporting.Cli.Terminal.OfConsole());
