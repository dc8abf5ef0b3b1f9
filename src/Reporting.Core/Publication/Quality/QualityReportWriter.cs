using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Ingestion;
using Reporting.Privacy;
using Reporting.Quality;

namespace Reporting.Publication.Quality;

/// <summary>
/// The quality report in French, as Markdown and JSON. Both are published: whatever a finding quotes (values, file
/// names, details) leaves through <see cref="KeyShape.Redact"/>, so a key-shaped value never reaches them.
/// </summary>
public static class QualityReportWriter
{
    public static string ToMarkdown(QualityReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(report.Title).Append('\n').Append('\n');
        var ingestion = report.Ingestion;
        md.Append("## Fichiers lus\n\n");
        md.Append("Lignes physiques du fichier = en-tête + lignes vides + gardées + rejetées (un guillemet non fermé rejette toutes les lignes physiques qu'il couvre).\n\n");
        md.Append("| fichier | encodage | lignes physiques | en-tête | vides | lignes lues | gardées | rejetées | avertissements |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var f in ingestion.Files)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {f.File} | {f.Encoding} | {f.PhysicalLines} | {f.HeaderLines} | {f.BlankLines} | {f.LinesRead} | {f.LinesKept} | {f.LinesRejected} | {f.WarningCount} |\n");
        }

        md.Append('\n');
        if (ingestion.Failures.Count > 0)
        {
            md.Append("## Erreurs bloquantes\n\nLe traitement s'est arrêté : rien n'est publié.\n\n");
            foreach (var failure in ingestion.Failures)
            {
                md.Append("- ").Append(failure.Message).Append('\n');
            }

            md.Append('\n');
        }

        if (ingestion.IgnoredFiles.Count > 0)
        {
            md.Append("## Fichiers ignorés\n\n");
            foreach (var name in ingestion.IgnoredFiles)
            {
                md.Append("- ").Append(name).Append(" : ").Append(Rule.IgnoredFile.Label).Append('\n');
            }

            md.Append('\n');
        }

        AppendRuleSummary(md, ingestion);
        AppendIssueDetail(md, ingestion);
        foreach (var section in report.Sections)
        {
            AppendSection(md, section);
        }

        return KeyShape.Redact(md.ToString());
    }

    public static string ToJson(QualityReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("titre", report.Title);
            json.WriteStartArray("fichiers");
            foreach (var f in report.Ingestion.Files)
            {
                WriteFile(json, f);
            }

            json.WriteEndArray();
            json.WriteStartArray("fichiers_ignores");
            foreach (var name in report.Ingestion.IgnoredFiles)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("erreurs_bloquantes");
            foreach (var failure in report.Ingestion.Failures)
            {
                json.WriteStartObject();
                json.WriteString("fichier", failure.File);
                json.WriteString("regle", failure.Rule.Code);
                json.WriteString("message", failure.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("sections");
            foreach (var section in report.Sections)
            {
                json.WriteStartObject(section.Key);
                json.WriteString("titre", section.Title);
                json.WriteStartArray("textes");
                foreach (var p in section.Paragraphs)
                {
                    json.WriteStringValue(p);
                }

                json.WriteEndArray();
                json.WriteStartArray("lignes");
                foreach (var row in section.TableRows)
                {
                    json.WriteStartObject();
                    for (var i = 0; i < section.TableHeader.Count; i++)
                    {
                        json.WriteString(section.TableHeader[i], row[i]);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return KeyShape.Redact(Encoding.UTF8.GetString(buffer.ToArray())) + "\n";
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport f)
    {
        json.WriteStartObject();
        json.WriteString("fichier", f.File);
        json.WriteString("type", f.Kind);
        if (f.Year is { } year)
        {
            json.WriteNumber("annee", year);
        }

        json.WriteString("encodage", f.Encoding);
        json.WriteNumber("lignes_physiques", f.PhysicalLines);
        json.WriteNumber("lignes_en_tete", f.HeaderLines);
        json.WriteNumber("lignes_vides", f.BlankLines);
        json.WriteNumber("lignes_lues", f.LinesRead);
        json.WriteNumber("lignes_gardees", f.LinesKept);
        json.WriteNumber("lignes_rejetees", f.LinesRejected);
        json.WriteStartObject("rejets_par_regle");
        foreach (var (rule, count) in f.CountByRule(Severity.Error))
        {
            json.WriteNumber(rule.Code, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("avertissements_par_regle");
        foreach (var (rule, count) in f.CountByRule(Severity.Warning))
        {
            json.WriteNumber(rule.Code, count);
        }

        json.WriteEndObject();
        json.WriteStartArray("avertissements_fichier");
        foreach (var w in f.FileWarnings)
        {
            json.WriteStartObject();
            json.WriteString("regle", w.Rule.Code);
            json.WriteString("detail", w.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("anomalies");
        foreach (var issue in f.Issues)
        {
            json.WriteStartObject();
            json.WriteNumber("ligne", issue.Line);
            json.WriteString("colonne", issue.Column);
            json.WriteString("regle", issue.Rule.Code);
            json.WriteString("gravite", issue.Rule.Severity == Severity.Error ? "erreur" : "avertissement");
            if (issue.Value is not null)
            {
                json.WriteString("valeur", issue.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (f.Failure is not null)
        {
            json.WriteString("erreur_bloquante", f.Failure.Message);
        }

        json.WriteEndObject();
    }

    private static void AppendRuleSummary(StringBuilder md, IngestionReport ingestion)
    {
        var withFindings = ingestion.Files.Where(f => f.Issues.Count > 0 || f.FileWarnings.Count > 0).ToArray();
        md.Append("## Lignes rejetées et avertissements, par règle\n\n");
        if (withFindings.Length == 0)
        {
            md.Append("Aucune anomalie.\n\n");
            return;
        }

        md.Append("| fichier | gravité | règle | lignes |\n|---|---|---|---:|\n");
        foreach (var f in withFindings)
        {
            foreach (var (rule, count) in f.CountByRule(Severity.Error))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {f.File} | erreur | {rule.Label} (`{rule.Code}`) | {count} |\n");
            }

            foreach (var (rule, count) in f.CountByRule(Severity.Warning))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {f.File} | avertissement | {rule.Label} (`{rule.Code}`) | {count} |\n");
            }

            foreach (var w in f.FileWarnings)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {f.File} | avertissement | {w.Rule.Label} (`{w.Rule.Code}`) : {w.Detail} | — |\n");
            }
        }

        md.Append('\n');
    }

    private static void AppendIssueDetail(StringBuilder md, IngestionReport ingestion)
    {
        var withIssues = ingestion.Files.Where(f => f.Issues.Count > 0).ToArray();
        if (withIssues.Length == 0)
        {
            return;
        }

        md.Append("## Détail des lignes\n\nLa valeur fautive est citée, sauf pour la clé de chaînage, qui n'apparaît jamais.\n\n");
        foreach (var f in withIssues)
        {
            md.Append("### ").Append(f.File).Append("\n\n| ligne | colonne | règle | valeur |\n|---:|---|---|---|\n");
            foreach (var issue in f.Issues.Take(QualityReport.MarkdownIssuesPerFile))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {issue.Line} | {issue.Column} | {issue.Rule.Label} | {Escape(issue.Value)} |\n");
            }

            if (f.Issues.Count > QualityReport.MarkdownIssuesPerFile)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n… et {f.Issues.Count - QualityReport.MarkdownIssuesPerFile} autres, toutes listées dans le rapport JSON.\n");
            }

            md.Append('\n');
        }
    }

    private static void AppendSection(StringBuilder md, QualitySection section)
    {
        md.Append("## ").Append(section.Title).Append("\n\n");
        foreach (var p in section.Paragraphs)
        {
            md.Append(p).Append("\n\n");
        }

        if (section.TableHeader.Count == 0 || section.TableRows.Count == 0)
        {
            return;
        }

        md.Append("| ").Append(string.Join(" | ", section.TableHeader)).Append(" |\n|");
        md.Append(string.Concat(Enumerable.Repeat("---|", section.TableHeader.Count))).Append('\n');
        foreach (var row in section.TableRows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(v => Escape(v)))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Escape(string? value) => value is null
        ? "—"
        : value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
