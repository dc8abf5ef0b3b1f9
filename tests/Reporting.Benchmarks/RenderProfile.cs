using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reporting.Compute;
using Reporting.Publication;
using Reporting.Publication.Narrative;
using Reporting.Publication.OpenData;
using Reporting.Publication.Quality;
using Reporting.Publication.Report;
using Reporting.Publication.Workbook;

namespace Reporting.Benchmarks;

public static class RenderProfile
{
    public static int Run(string directory, int year, TextWriter output)
    {
        for (var rep = 0; rep < 3; rep++)
        {
            var line = new StringBuilder();
            void T(string what, Action a) { var s = Stopwatch.GetTimestamp(); a(); line.Append(CultureInfo.InvariantCulture, $"{what} {Stopwatch.GetElapsedTime(s).TotalMilliseconds:0} | "); }
            Edition? edition = null;
            T("compute", () => edition = AnnualComputation.Compute(directory, new RunParameters(year, new DateOnly(year + 1, 4, 14), Threshold: 1)).Edition);
            var e = edition!;
            TemplateSet templates = null!;
            T("templates", () => templates = TemplateSet.Load(new RunParameters(year).Templates));
            T("csv", () => IndicatorCsvWriter.Write(e.Indicators, e.Catalogue));
            T("parquet", () => IndicatorParquetWriter.Write(e.Indicators, e.Catalogue));
            var context = new PublicationContext(e, templates);
            T("report", () => AnnualReport.Compose(context));
            T("sheets", () => e.Geography.Departements.Select(d => DepartementSheet.Compose(context, d.Code)).ToArray());
            byte[] wb = [];
            T("workbook", () => wb = WorkbookWriter.Write(new WorkbookModel(e.Indicators, e.Year, e.Years, e.Parameters.PublicationDate, e.Nomenclature, e.Breaks, e.Geography) { Threshold = e.Parameters.Threshold, Catalogue = e.Catalogue, Identity = context.Identity }));
            T("wbtext", () => WorkbookText.Render(wb));
            T("quality", () => { QualityReportWriter.ToMarkdown(e.Quality); QualityReportWriter.ToJson(e.Quality); });
            T("whole-text", () => Reporting.Run.AnnualRun.Render(e, new RunParameters(year, new DateOnly(year + 1, 4, 14), Threshold: 1), renderings: Renderings.Text));
            output.WriteLine(line.ToString());
        }

        return 0;
    }
}

public static class FiguresProfile
{
    public static int Run(string folder, TextWriter output)
    {
        for (var rep = 0; rep < 4; rep++)
        {
            var s = Stopwatch.GetTimestamp();
            var cells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(folder)).ToArray();
            var read = Stopwatch.GetElapsedTime(s).TotalMilliseconds;
            s = Stopwatch.GetTimestamp();
            var p = Reporting.Review.FiguresPublication.Load(folder);
            var load = Stopwatch.GetElapsedTime(s).TotalMilliseconds;
            s = Stopwatch.GetTimestamp();
            var r = p.Select(new Reporting.Review.FiguresQuery([new Reporting.Review.FiguresTerritory("DEP", "13", "Bouches-du-Rhône")]));
            var cli = Stopwatch.GetElapsedTime(s).TotalMilliseconds;
            s = Stopwatch.GetTimestamp();
            long n = 0;
            foreach (var l in File.ReadLines(IndicatorCsvReader.FindIn(folder))) { n += l.Split(';').Length; }
            var split = Stopwatch.GetElapsedTime(s).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split {split:0} ms; read {read:0} ms ({cells.Length}) load {load:0} ms cli {cli:0} ms"));
        }

        return 0;
    }
}
