using System.Globalization;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication;
using Reporting.Publication.Narrative;
using Reporting.Publication.OpenData;
using Reporting.Publication.Workbook;

namespace Reporting.Review;

/// <summary>
/// Figures for machines and spreadsheets, one line per figure (territory, indicator, category, source, year) with
/// codes and French labels side by side, the value as published (empty unless published), its status and the series
/// break it follows. CSV in the open-data convention (UTF-8 with BOM, <c>;</c>, <c>.</c> decimals), JSON, and an xlsx
/// laid out by the workbook's own renderer and rules.
/// </summary>
public static class FiguresExport
{
    public static readonly string[] Header =
    [
        "niveau", "territoire", "territoire_libelle", "indicateur", "indicateur_libelle", "categorie", "categorie_libelle",
        "source", "source_libelle", "annee", "valeur", "statut", "rupture",
    ];

    public static byte[] Csv(FiguresResult result) => OpenDataCsv.Write(Header, result.Rows.Select(r => (IReadOnlyList<string>)
    [
        r.Territory.Level,
        r.Territory.Code,
        r.Territory.Name,
        r.Indicator,
        r.IndicatorLabel,
        r.Category,
        FiguresText.CategoryLabel(r.Category),
        r.Source,
        FiguresText.SourceLabel(r.Source),
        r.Year.ToString(CultureInfo.InvariantCulture),
        Invariant(r),
        r.Status,
        r.Break?.Note ?? string.Empty,
    ]));

    public static byte[] Json(FiguresResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("publication", result.Edition);
            json.WriteStartObject("statuts");
            foreach (var (symbol, meaning) in Labels.Symbols.Where(s => s.Symbol != Labels.Break))
            {
                json.WriteString(symbol.Trim('[', ']'), meaning);
            }

            json.WriteEndObject();
            json.WriteString("rupture", "vrai quand la valeur n'est pas comparable à celle de l'année précédente (rupture de série) ; la note est dans « ruptures »");
            json.WriteStartArray("ruptures");
            foreach (var b in result.Breaks)
            {
                json.WriteStartObject();
                json.WriteString("source", b.Source);
                json.WriteString("categorie", b.Category);
                json.WriteNumber("annee", b.Year);
                json.WriteString("note", b.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("chiffres");
            foreach (var r in result.Rows)
            {
                json.WriteStartObject();
                json.WriteString("niveau", r.Territory.Level);
                json.WriteString("territoire", r.Territory.Code);
                json.WriteString("territoire_libelle", r.Territory.Name);
                json.WriteString("indicateur", r.Indicator);
                json.WriteString("indicateur_libelle", r.IndicatorLabel);
                json.WriteString("categorie", r.Category);
                json.WriteString("source", r.Source);
                json.WriteNumber("annee", r.Year);
                if (r.Value is { } v)
                {
                    json.WriteNumber("valeur", Math.Round(v, r.Decimals, MidpointRounding.AwayFromZero));
                }
                else
                {
                    json.WriteNull("valeur");
                }

                json.WriteString("statut", r.Status);
                json.WriteBoolean("rupture", r.Break is not null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// One sheet, one table, as the workbook's rules want it: the title in A1, the symbols and the breaks' notes above the
    /// table, numbers stored as numbers with a status column beside them (<c>[c]</c>, <c>[x]</c>, <c>[z]</c>, <c>[b]</c>).
    /// </summary>
    public static byte[] Xlsx(FiguresResult result, string title)
    {
        const string valueHeader = "Valeur";
        SheetColumn[] columns =
        [
            new("Territoire", ColumnKind.Text),
            new("Code", ColumnKind.Text),
            new("Indicateur", ColumnKind.Text),
            new("Catégorie", ColumnKind.Text),
            new("Source", ColumnKind.Text),
            new("Année", ColumnKind.Year),
            new(valueHeader, ColumnKind.OneDecimal),
            new(Labels.StatusHeader(valueHeader), ColumnKind.Status),
            new("Rupture de série", ColumnKind.Text),
        ];
        var rows = result.Rows.Select(r => (IReadOnlyList<Entry>)
        [
            Entry.Of(r.Territory.Name),
            Entry.Of(r.Territory.Code),
            Entry.Of(r.IndicatorLabel),
            Entry.Of(FiguresText.CategoryLabel(r.Category)),
            Entry.Of(FiguresText.SourceLabel(r.Source)),
            Entry.Of((decimal?)r.Year),
            Entry.Of(r.Value is { } v ? Math.Round(v, r.Decimals, MidpointRounding.AwayFromZero) : null),
            Entry.Of(string.Join(' ', new[] { r.Status.Length > 0 ? $"[{r.Status}]" : string.Empty, r.Break is not null ? Labels.Break : string.Empty }.Where(s => s.Length > 0))),
            Entry.Of(r.Break?.Note ?? string.Empty),
        ]).ToArray();
        string[] lines =
        [
            title,
            Labels.SymbolsLine.Replace("(la colonne « Notes » donne la note)", "(la colonne « Rupture de série » l'explique)", StringComparison.Ordinal),
            Vocabulary.SourceLine(SourcesOf(result.Rows), PublicationIdentity.Default.ServiceShort),
        ];
        var table = new SheetTable("Chiffres", "Chiffres", title, lines, columns, rows, []);

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(table.SheetName);
        SheetRenderer.Render(sheet, table);
        // One value column holds counts and rates: each count is shown without decimals.
        for (var i = 0; i < result.Rows.Count; i++)
        {
            if (result.Rows[i].Decimals == 0)
            {
                sheet.Cell(table.HeaderRow + 1 + i, 7).Style.NumberFormat.Format = Typography.NumberFormat(ColumnKind.Count);
            }
        }

        workbook.Properties.Title = title;
        workbook.Properties.Author = PublicationIdentity.Default.Service;
        var stamp = WorkbookWriter.UndatedStamp.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        workbook.Properties.Created = stamp;
        workbook.Properties.Modified = stamp;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return DeterministicPackage.Rewrite(buffer.ToArray(), stamp, Labels.Language);
    }

    /// <summary>The administrations the rows come from (all sources: the three victim sources), and the population for rates.</summary>
    private static IReadOnlyList<string> SourcesOf(IReadOnlyList<FigureRow> rows)
    {
        var codes = rows.SelectMany(r => r.Source == Availability.AllSources ? Vocabulary.VictimSources : [r.Source]).ToHashSet(StringComparer.Ordinal);
        if (rows.Any(r => r.Kind == IndicatorKind.Rate))
        {
            codes.Add("population");
        }

        return new[] { "police", "justice", "ase", "sante", "population" }.Where(codes.Contains).ToArray();
    }

    /// <summary>The value as the open-data file writes it (invariant, the indicator's decimals), empty unless published.</summary>
    private static string Invariant(FigureRow r) => r.Value is { } v
        ? v.ToString(r.Decimals == 0 ? "0" : "0." + new string('0', r.Decimals), CultureInfo.InvariantCulture)
        : string.Empty;

    /// <summary>The bytes of a text format without the BOM, for a terminal.</summary>
    public static string Text(byte[] utf8) => new UTF8Encoding(false).GetString(utf8).TrimStart('\uFEFF');
}
