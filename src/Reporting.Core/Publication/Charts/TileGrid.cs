namespace Reporting.Publication.Charts;

/// <summary>A tile's place on the grid: column from the left, row from the top.</summary>
public readonly record struct TilePosition(int Column, int Row);

/// <summary>
/// Where each of the 101 départements sits on the tile map. Metropolitan tiles follow their position in
/// France (assigned once from the départements' centres to the nearest free cells, then fixed here, so that
/// the map never moves between editions); Corsica sits apart at the bottom right; the five overseas
/// départements are an inset row under the map.
/// </summary>
public static class TileGrid
{
    public const int Columns = 13;

    /// <summary>The row of the overseas inset; row 11 is left empty to set it apart.</summary>
    public const int OverseasRow = 12;

    public const int Rows = OverseasRow + 1;

    public static IReadOnlyDictionary<string, TilePosition> Positions { get; } = new Dictionary<string, TilePosition>(StringComparer.Ordinal)
    {
        ["62"] = new(6, 0), ["59"] = new(7, 0),
        ["50"] = new(2, 1), ["14"] = new(3, 1), ["76"] = new(4, 1), ["95"] = new(5, 1), ["80"] = new(6, 1), ["60"] = new(7, 1), ["02"] = new(8, 1), ["08"] = new(9, 1), ["55"] = new(10, 1), ["57"] = new(11, 1),
        ["22"] = new(1, 2), ["53"] = new(2, 2), ["61"] = new(3, 2), ["27"] = new(4, 2), ["92"] = new(5, 2), ["75"] = new(6, 2), ["93"] = new(7, 2), ["77"] = new(8, 2), ["51"] = new(9, 2), ["54"] = new(10, 2), ["67"] = new(11, 2),
        ["29"] = new(0, 3), ["56"] = new(1, 3), ["35"] = new(2, 3), ["72"] = new(3, 3), ["28"] = new(4, 3), ["78"] = new(5, 3), ["91"] = new(6, 3), ["94"] = new(7, 3), ["10"] = new(8, 3), ["52"] = new(9, 3), ["88"] = new(10, 3), ["68"] = new(11, 3),
        ["44"] = new(2, 4), ["49"] = new(3, 4), ["37"] = new(4, 4), ["41"] = new(5, 4), ["45"] = new(6, 4), ["58"] = new(7, 4), ["89"] = new(8, 4), ["21"] = new(9, 4), ["70"] = new(10, 4), ["90"] = new(11, 4),
        ["85"] = new(2, 5), ["79"] = new(3, 5), ["86"] = new(4, 5), ["36"] = new(5, 5), ["18"] = new(6, 5), ["03"] = new(7, 5), ["71"] = new(8, 5), ["01"] = new(9, 5), ["39"] = new(10, 5), ["25"] = new(11, 5),
        ["17"] = new(3, 6), ["16"] = new(4, 6), ["87"] = new(5, 6), ["23"] = new(6, 6), ["63"] = new(7, 6), ["42"] = new(8, 6), ["69"] = new(9, 6), ["74"] = new(10, 6), ["73"] = new(11, 6),
        ["33"] = new(3, 7), ["24"] = new(4, 7), ["46"] = new(5, 7), ["19"] = new(6, 7), ["15"] = new(7, 7), ["43"] = new(8, 7), ["26"] = new(9, 7), ["38"] = new(10, 7), ["05"] = new(11, 7),
        ["40"] = new(3, 8), ["47"] = new(4, 8), ["82"] = new(5, 8), ["12"] = new(6, 8), ["48"] = new(7, 8), ["07"] = new(8, 8), ["84"] = new(9, 8), ["04"] = new(10, 8), ["06"] = new(11, 8),
        ["64"] = new(3, 9), ["32"] = new(4, 9), ["31"] = new(5, 9), ["81"] = new(6, 9), ["34"] = new(7, 9), ["30"] = new(8, 9), ["13"] = new(9, 9), ["83"] = new(10, 9),
        ["65"] = new(4, 10), ["09"] = new(5, 10), ["11"] = new(6, 10), ["66"] = new(7, 10),

        // Corsica, off the coast at the bottom right.
        ["2B"] = new(12, 9), ["2A"] = new(12, 10),

        // Overseas: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
        ["971"] = new(0, OverseasRow), ["972"] = new(1, OverseasRow), ["973"] = new(2, OverseasRow), ["974"] = new(3, OverseasRow), ["976"] = new(4, OverseasRow),
    };
}
