namespace Reporting.Publication.Pdf.Tagging;

/// <summary>The standard structure types of ISO 32000-1 (14.8.4) that the publications use; no role map is needed.</summary>
internal static class Roles
{
    public const string Document = "Document";
    public const string Paragraph = "P";
    public const string Division = "Div";
    public const string List = "L";
    public const string ListItem = "LI";
    public const string Label = "Lbl";
    public const string ListBody = "LBody";
    public const string Table = "Table";
    public const string TableHead = "THead";
    public const string TableBody = "TBody";
    public const string TableRow = "TR";
    public const string HeaderCell = "TH";
    public const string DataCell = "TD";
    public const string Caption = "Caption";
    public const string Figure = "Figure";
    public const string Note = "Note";

    public static string Heading(int level) => level is >= 1 and <= 6
        ? "H" + (char)('0' + level)
        : throw new ArgumentOutOfRangeException(nameof(level), level, "Headings have levels 1 to 6.");
}

/// <summary>A piece of a page's content, its marked-content identifier (MCID) on that page.</summary>
internal readonly record struct MarkedContent(int Page, int Mcid);

/// <summary>
/// One node of the structure tree. Blocks make their elements while they are laid out, in reading order, under the
/// element they are given; drawing then attaches the page content that each element owns.
/// </summary>
internal sealed class StructureElement
{
    private readonly List<object> kids = [];

    public StructureElement(string role, StructureElement? parent = null)
    {
        Role = role;
        Parent = parent;
        parent?.kids.Add(this);
    }

    public string Role { get; }

    public StructureElement? Parent { get; }

    /// <summary>Child elements and marked content, in reading order.</summary>
    public IReadOnlyList<object> Kids => kids;

    /// <summary>The alternative text of a figure (Matterhorn 13-004).</summary>
    public string? Alt { get; init; }

    /// <summary>A table header cell's scope: <c>Column</c> or <c>Row</c> (Matterhorn 15-003).</summary>
    public string? Scope { get; init; }

    /// <summary>The text a heading shows, for the outline.</summary>
    public string? Text { get; init; }

    /// <summary>Where the element's content starts (page, top of the frame), set by its first piece.</summary>
    public (int Page, float Top)? Anchor { get; set; }

    public bool IsHeading => Role.Length == 2 && Role[0] == 'H' && char.IsAsciiDigit(Role[1]);

    /// <summary>A child element.</summary>
    public StructureElement Add(string role, string? text = null) => new(role, this) { Text = text };

    internal void Attach(MarkedContent content) => kids.Add(content);

    /// <summary>The element and every element under it, depth first (reading order).</summary>
    public IEnumerable<StructureElement> DepthFirst()
    {
        yield return this;
        foreach (var kid in kids.OfType<StructureElement>())
        {
            foreach (var e in kid.DepthFirst())
            {
                yield return e;
            }
        }
    }
}
