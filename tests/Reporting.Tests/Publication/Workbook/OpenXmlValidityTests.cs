using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Reporting.Publication.Workbook;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Workbook;

/// <summary>
/// The package rewritten for determinism must still be a valid Office Open XML spreadsheet: the Open XML SDK's
/// schema validator (the one under ClosedXML) stands in for Excel, which is stricter than ClosedXML's reader.
/// </summary>
public sealed class OpenXmlValidityTests
{
    [Fact]
    public void The_hand_made_workbook_is_valid_open_xml() =>
        AssertValid(WorkbookWriter.Write(HandMadeIndicators.Model(withEstimate: true, publicationDate: HandMadeIndicators.PublicationDate)));

    [Fact]
    public void The_samples_workbook_is_valid_open_xml() =>
        AssertValid(SampleRun.File(SampleRun.Outcome, "tableaux-2025.xlsx"));

    private static void AssertValid(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToArray();

        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(20)));
        Assert.NotNull(document.CoreFilePropertiesPart);
        Assert.Equal("fr-FR", document.PackageProperties.Language);
    }
}
