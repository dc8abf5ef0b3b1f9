using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>The hierarchies the tests run on: the real one (checked against the engine's shipped geo.csv) and a small one.</summary>
internal static class Hierarchies
{
    /// <summary>France ⊃ 18 regions ⊃ 101 départements (the shipped geo.csv).</summary>
    public static Hierarchy France { get; } = new(
    [
        new("84", ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"]),
        new("27", ["21", "25", "39", "58", "70", "71", "89", "90"]),
        new("53", ["22", "29", "35", "56"]),
        new("24", ["18", "28", "36", "37", "41", "45"]),
        new("94", ["2A", "2B"]),
        new("44", ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]),
        new("32", ["02", "59", "60", "62", "80"]),
        new("11", ["75", "77", "78", "91", "92", "93", "94", "95"]),
        new("28", ["14", "27", "50", "61", "76"]),
        new("75", ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"]),
        new("76", ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]),
        new("52", ["44", "49", "53", "72", "85"]),
        new("93", ["04", "05", "06", "13", "83", "84"]),
        new("01", ["971"]),
        new("02", ["972"]),
        new("03", ["973"]),
        new("04", ["974"]),
        new("06", ["976"]),
    ]);

    /// <summary>
    /// Six regions with the shapes that matter: a three- and a four-département region, a Corsica-like pair
    /// (C), a third region (E) and two single-département overseas-like regions (O1, O2).
    /// </summary>
    public static Hierarchy Small { get; } = new(
    [
        new("A", ["A1", "A2", "A3"]),
        new("B", ["B1", "B2", "B3", "B4"]),
        new("C", ["C1", "C2"]),
        new("E", ["E1", "E2", "E3"]),
        new("O1", ["O11"]),
        new("O2", ["O21"]),
    ]);

    public static Hierarchy Named(string name) => name switch
    {
        "france" => France,
        "small" => Small,
        _ => throw new ArgumentException(name, nameof(name)),
    };
}
