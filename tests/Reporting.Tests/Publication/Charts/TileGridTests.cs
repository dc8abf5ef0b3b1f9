using Reporting.Publication.Charts;
using Reporting.Reference;

namespace Reporting.Tests.Publication.Charts;

public sealed class TileGridTests
{
    [Fact]
    public void Every_departement_has_its_own_tile_and_no_tile_is_unknown()
    {
        var codes = Geography.Default.Departements.Select(d => d.Code).ToArray();

        Assert.Equal(101, codes.Length);
        Assert.Equal(codes.Order(StringComparer.Ordinal), TileGrid.Positions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(101, TileGrid.Positions.Values.Distinct().Count());
        Assert.All(TileGrid.Positions.Values, p =>
        {
            Assert.InRange(p.Column, 0, TileGrid.Columns - 1);
            Assert.InRange(p.Row, 0, TileGrid.Rows - 1);
        });
    }

    [Fact]
    public void Overseas_departements_form_the_inset_row_and_corsica_sits_bottom_right()
    {
        string[] overseas = ["971", "972", "973", "974", "976"];

        Assert.All(overseas, code => Assert.Equal(TileGrid.OverseasRow, TileGrid.Positions[code].Row));
        Assert.Equal(overseas.Length, TileGrid.Positions.Values.Count(p => p.Row == TileGrid.OverseasRow));
        var metropolitan = TileGrid.Positions.Where(p => !overseas.Contains(p.Key)).Select(p => p.Value).ToArray();
        Assert.Equal(metropolitan.Max(p => p.Column), TileGrid.Positions["2A"].Column);
        Assert.True(TileGrid.Positions["2A"].Row > TileGrid.Positions["2B"].Row);
    }
}
