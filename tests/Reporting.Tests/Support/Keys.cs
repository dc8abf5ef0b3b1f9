namespace Reporting.Tests.Support;

/// <summary>Recognisable fake linkage keys for fixtures: 64 lowercase hex characters.</summary>
public static class Keys
{
    public static readonly string A = new string('a', 60) + "0001";
    public static readonly string B = new string('b', 60) + "0002";
    public static readonly string C = new string('c', 60) + "0003";
    public static readonly string D = new string('d', 60) + "0004";
    public static readonly string E = new string('e', 60) + "0005";

    public static string Of(int n) => n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
