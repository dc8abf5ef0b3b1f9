namespace Reporting.Reference;

/// <summary>Versioned data files embedded in the engine (geography, nomenclature, series breaks).</summary>
public static class ReferenceData
{
    public static string ReadText(string fileName)
    {
        using var stream = OpenStream(fileName);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static Stream OpenStream(string fileName)
    {
        var name = "Reporting.Reference." + fileName;
        return typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference file missing: {name}");
    }
}
