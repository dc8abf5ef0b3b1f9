using ClosedXML.Excel;
using Reporting.Publication.Narrative;

namespace Reporting.Publication.Workbook;

/// <summary>
/// <c>tableaux-N.xlsx</c> (publication.md), laid out after the Analysis Function guidance "Releasing statistics in
/// spreadsheets" (the rules the aftables and gptables packages implement): a cover sheet, a contents sheet, a notes
/// sheet, then one table per sheet. Every figure is a cell of the indicator set, as published.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>
    /// What a working edition, which has no publication date, stamps in its properties and zip entries: a constant, so that
    /// its bytes depend on its inputs only (outputs.md), and one nobody would take for a publication date.
    /// </summary>
    public static readonly DateOnly UndatedStamp = Pdf.DocumentInfo.UndatedEdition;

    public static byte[] Write(WorkbookModel model)
    {
        model.Validate();
        var notes = new NoteCatalogue(model.Breaks, model.Years, model.Threshold);
        var tables = new WorkbookTables(model, notes);
        SheetTable[] data =
        [
            tables.ComposeNational(),
            tables.ComposeDepartements(),
            tables.ComposeRegions(),
            tables.ComposeJustice(),
            tables.ComposeOverlap(),
            tables.ComposeNomenclature(),
            tables.ComposeJusticeRegions(),
            tables.ComposeDigitalRegions(),
        ];
        var notesSheet = tables.ComposeNotes(data);
        var contents = tables.ComposeContents([notesSheet, .. data]);
        SheetTable[] sheets = [contents, notesSheet, .. data];

        using var workbook = new XLWorkbook();
        var cover = workbook.AddWorksheet(Labels.Sheets.Cover);

        // Every sheet exists before any is filled: the contents and the cover link to sheets further on.
        foreach (var sheet in sheets)
        {
            workbook.AddWorksheet(sheet.SheetName);
        }

        ComposeCover(cover, model);
        foreach (var sheet in sheets)
        {
            SheetRenderer.Render(workbook.Worksheet(sheet.SheetName), sheet);
        }

        cover.SetTabActive();
        var stamp = (model.PublicationDate ?? UndatedStamp).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        ComposeProperties(workbook, model, stamp);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return DeterministicPackage.Rewrite(buffer.ToArray(), stamp, Labels.Language);
    }

    /// <summary>
    /// The cover (guidance, "Cover sheets"): title in A1, then headed paragraphs, all in column A — what the data are,
    /// the period, the sources, when, whom to contact, the symbols and how to read the value and status columns.
    /// </summary>
    private static void ComposeCover(IXLWorksheet sheet, WorkbookModel model)
    {
        var row = 0;
        IXLCell Line(string text)
        {
            var cell = sheet.Cell(++row, 1);
            text = FrenchTypography.Apply(text);
            cell.SetValue(text);
            var lines = Typography.Lines(text, Typography.CoverWidth);
            if (lines > 1)
            {
                // Readers do not all refit a wrapped row when they open a file.
                sheet.Row(row).Height = Typography.RowHeight(lines);
            }

            return cell;
        }

        void Section(string heading, params string[] paragraphs)
        {
            Line(heading).Style.Font.SetBold(true);
            foreach (var p in paragraphs)
            {
                Line(p);
            }
        }

        Line(Labels.Title(model.Year)).Style.Font.SetBold(true).Font.SetFontSize(Typography.TitleSize);
        Line(Labels.Cover.About);
        Section(Labels.Cover.PeriodHeading, Labels.Period(model.Years, model.Year));
        var id = model.Identity;
        Section(Labels.Cover.SourceHeading, Vocabulary.AllSources(id.ServiceShort));
        Section(Labels.Cover.PublisherHeading, Labels.Cover.Publisher(id));
        Section(Labels.Cover.DateHeading, Vocabulary.PublicationDate(model.PublicationDate));
        Section(Labels.Cover.ContactHeading, id.Contact);
        Section(Labels.Cover.CitationHeading, Labels.Cover.Citation(id, model.Year, Vocabulary.PublicationDate(model.PublicationDate)));
        Section(Labels.Cover.LicenceHeading, Labels.Cover.Licence(id));
        Section(Labels.Cover.WhereHeading, Labels.Cover.Where(id));
        Section(Labels.Cover.NextHeading, id.NextRelease);
        Section(Labels.Cover.NomenclatureHeading, Labels.Cover.Nomenclature(model.Nomenclature.Version));
        Section(Labels.Cover.SymbolsHeading, [.. Labels.Symbols.Select(s => $"{s.Symbol} {s.Meaning}")]);
        Section(Labels.Cover.LayoutHeading, Labels.Cover.Layout);
        Section(Labels.Cover.ContentsHeading);
        Line(Labels.Cover.Contents).Hyperlink = new XLHyperlink(sheet.Workbook.Worksheet(Labels.Sheets.Contents).Cell(1, 1));

        var column = sheet.Column(1);
        column.Width = Typography.CoverWidth;
        column.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        Typography.PrintOnePageWide(sheet, XLPageOrientation.Portrait);
    }

    /// <summary>Document properties (guidance, "Metadata"): title, subject, author, keywords; dates are the publication's, never the clock.</summary>
    private static void ComposeProperties(XLWorkbook workbook, WorkbookModel model, DateTime stamp)
    {
        var p = workbook.Properties;
        p.Title = Labels.Title(model.Year);
        p.Subject = Labels.Subject;
        p.Author = model.Identity.Service;
        p.LastModifiedBy = model.Identity.Service;
        p.Company = model.Identity.Service;
        p.Keywords = Labels.Keywords(model.Year);
        p.Category = Labels.Category;
        p.Comments = Labels.Description(model.Nomenclature.Version);
        p.Created = stamp;
        p.Modified = stamp;
    }
}
