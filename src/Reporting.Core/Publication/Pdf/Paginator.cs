namespace Reporting.Publication.Pdf;

/// <summary>A box placed on a page, at its offset from the top of the content frame; <paramref name="Repeated"/> for a table's header row drawn again.</summary>
internal readonly record struct PlacedBox(Box Box, float Y, bool Repeated = false);

/// <summary>
/// Places boxes on pages, top to bottom. A chain of boxes bound by <see cref="Box.KeepWithNext"/> moves to the
/// next page whole when it does not fit (a heading never ends a page); a chain taller than a page only keeps
/// its first box whole. A box that opens a page brings its repeated header (a table's header row).
/// </summary>
internal static class Paginator
{
    public static IReadOnlyList<IReadOnlyList<PlacedBox>> Paginate(IReadOnlyList<Box> boxes, float frameHeight)
    {
        var pages = new List<List<PlacedBox>> { new() };
        var used = 0f;

        void NewPage()
        {
            pages.Add([]);
            used = 0;
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (box.BreakBefore)
            {
                if (pages[^1].Count > 0)
                {
                    NewPage();
                }

                continue;
            }

            var empty = pages[^1].Count == 0;
            var chain = ChainHeight(boxes, i, openingPage: false);
            if (!empty && used + chain > frameHeight)
            {
                var chainOnFreshPage = ChainHeight(boxes, i, openingPage: true);
                var first = Needed(box, openingPage: false);
                if (chainOnFreshPage <= frameHeight || used + first > frameHeight)
                {
                    NewPage();
                    empty = true;
                }
            }

            if (empty && box.RepeatedHeader is { } header)
            {
                pages[^1].Add(new PlacedBox(header, used, Repeated: true));
                used += header.Height;
            }

            used += empty ? 0 : box.SpaceBefore;
            pages[^1].Add(new PlacedBox(box, used));
            used += box.Height;
        }

        return pages;
    }

    private static float Needed(Box box, bool openingPage) =>
        openingPage ? box.Height + (box.RepeatedHeader?.Height ?? 0) : box.SpaceBefore + box.Height;

    /// <summary>The height of box <paramref name="start"/> and of the boxes it keeps with.</summary>
    private static float ChainHeight(IReadOnlyList<Box> boxes, int start, bool openingPage)
    {
        var height = Needed(boxes[start], openingPage);
        for (var i = start; boxes[i].KeepWithNext && i + 1 < boxes.Count && !boxes[i + 1].BreakBefore; i++)
        {
            height += Needed(boxes[i + 1], openingPage: false);
        }

        return height;
    }
}
