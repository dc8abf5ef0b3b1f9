namespace Reporting.Ingestion;

public static class SourceNames
{
    public static readonly IReadOnlyList<Source> All = [Source.Police, Source.Justice, Source.Ase, Source.Sante];

    public static readonly IReadOnlyList<Source> Victim = [Source.Police, Source.Ase, Source.Sante];

    public static string Code(this Source source) => source switch
    {
        Source.Police => "police",
        Source.Justice => "justice",
        Source.Ase => "ase",
        Source.Sante => "sante",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The source as the publications name it.</summary>
    public static string FrenchName(this Source source) => source switch
    {
        Source.Police => "police et gendarmerie",
        Source.Justice => "justice",
        Source.Ase => "aide sociale à l'enfance",
        Source.Sante => "établissements de santé",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static bool TryParse(string code, out Source source)
    {
        foreach (var s in All)
        {
            if (s.Code() == code)
            {
                source = s;
                return true;
            }
        }

        source = default;
        return false;
    }
}
