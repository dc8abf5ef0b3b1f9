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
          run --data DIR --year N --out DIR [--publication-date AAAA-MM-JJ] [--nomenclature FICHIER]
              [--threshold 11] [--protection-range 3] [--max-error-share 0.05]
              Publie l'année N (série N-9..N) dans DIR/N : indicateurs, rapports, fiches, classeur, manifeste.
              Le dossier précédent n'est remplacé que si tout a réussi ; DIR ne peut être ni contenir
              le dossier des données ou de la nomenclature. Code retour 0, 2 si rien n'est publié,
              75 si une autre exécution publie déjà dans DIR.
          estimate --lists FICHIER.csv [--model stepwise|independence|TERMES]
              Capture-recapture sur une table publiée (une colonne 0/1 par liste, puis count) :
              modèle, estimation, intervalle, déviance, AIC. TERMES : [1,2] ou LA:NG,NG:GP.
          diff ANCIEN NOUVEAU [--min-change PCT] [--report diff.md]
              Compare deux dossiers publiés : valeurs modifiées, cases masquées ou publiées, lignes
              apparues ou disparues, textes modifiés. Code retour 0 si rien n'a changé, 1 sinon.
          figures (--dep CODE | --region CODE) [--years 2016-2025] [--category ESM] [--publication out/2025]
              Les chiffres publiés d'un territoire, par année, avec les mêmes cases masquées.
          samples --out DIR [--from 2016] [--to 2025] [--seed 20260415] [--scale 1]
              Génère des extraits synthétiques déterministes (jamais des données réelles).

        Option de toutes les commandes :
          --verbose   en cas d'erreur imprévue, le détail technique complet en plus du message.

        Codes retour :
          0   succès (diff : rien n'a changé)
          1   constats : lignes rejetées (validate), différences (diff), estimation refusée (estimate)
          2   échec : entrée inutilisable, sortie impossible à écrire, erreur imprévue ; rien n'est publié
          64  ligne de commande incorrecte
          75  une autre exécution publie déjà dans le même dossier de sortie (run) ; relancer plus tard

        """;
}
