namespace Reporting.Cli;

public static class Usage
{
    public const string Text = """
        reporting — statistiques des mineurs victimes d'exploitation sexuelle

        Commandes :
          validate --data DIR [--out DIR] [--max-error-share 0.05]
              Lit et contrôle tous les extraits du dossier, écrit qualite.md et qualite.json
              (dans out/validation par défaut). Code retour : 0 sans anomalie, 1 si des lignes
              sont rejetées, 2 si un fichier est inutilisable.
          samples --out DIR [--from 2016] [--to 2025] [--seed 20260415] [--scale 1]
              Génère des extraits synthétiques déterministes (jamais des données réelles).

        """;
}
