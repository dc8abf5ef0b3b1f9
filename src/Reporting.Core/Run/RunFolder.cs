using System.Text.Json;
using Reporting.Publication;

namespace Reporting.Run;

/// <summary>Why a publication folder cannot be used; the message is one French sentence for the operator.</summary>
public sealed class PublicationFolderException(string message, bool held = false) : Exception(message)
{
    /// <summary>Another run holds the folder's lock: trying again later may succeed.</summary>
    public bool Held { get; } = held;
}

/// <summary>The steps of a swap, for tests that stop a run at each of them as a crash would.</summary>
public enum SwapStep
{
    StagingWritten,
    PreviousSetAside,
    NewInPlace,
    PreviousDeleted,
}

/// <summary>
/// Publishes a run's files as one folder, all or nothing (outputs.md), as a transaction on the output root:
/// <list type="number">
/// <item>opened before anything is computed: the root is created, an advisory lock (<c>.reporting.verrou</c>, held for
/// the whole run and released by the system even when the process is killed) keeps a second run out, a swap left
/// half-done by a crash is finished, and the run's own staging folder is created — so a root that cannot be written
/// fails at once, not after the computation;</item>
/// <item>published by writing every file into the staging folder (flushed to disk), then two renames: the previous
/// publication aside (<c>.N.precedente</c>), the staging folder in its place; the previous copy is deleted only once
/// the new one is in place.</item>
/// </list>
/// A crash at any point leaves the previous publication or the new one complete: before the first rename the previous
/// one is untouched; between the renames it waits aside and the next opening puts it back; after the second the new one
/// is in place and the next opening deletes the copy left aside. Nothing is ever deleted that a run did not create:
/// the folders of the input data and of the nomenclature are refused as outputs, and a folder <c>N</c> that is not a
/// publication of this engine is never replaced.
/// </summary>
public sealed class RunFolder : IDisposable
{
    public const string LockFileName = ".reporting.verrou";

    private readonly FileStream lockFile;
    private readonly string staging;
    private readonly Action<SwapStep>? afterStep;
    private bool published;

    private RunFolder(string root, string name, FileStream lockFile, string staging, IReadOnlyList<string> recovered, Action<SwapStep>? afterStep)
    {
        Root = root;
        Target = Path.Combine(root, name);
        this.lockFile = lockFile;
        this.staging = staging;
        Recovered = recovered;
        this.afterStep = afterStep;
        Previous = Path.Combine(root, $".{name}.precedente");
    }

    public string Root { get; }

    /// <summary>Where the publication lands: <c>root/N</c>.</summary>
    public string Target { get; }

    /// <summary>What opening found left by an interrupted run and put right, in French (empty when nothing).</summary>
    public IReadOnlyList<string> Recovered { get; }

    private string Previous { get; }

    /// <param name="root">the output root (<c>--out</c>)</param>
    /// <param name="name">the publication's folder name (the year)</param>
    /// <param name="readOnly">folders the run reads (data, nomenclature): the output may neither be, contain nor lie in them</param>
    /// <param name="afterStep">called after each step of the swap (tests simulate a crash there)</param>
    public static RunFolder Open(string root, string name, IEnumerable<(string Folder, string Role)> readOnly, Action<SwapStep>? afterStep = null)
    {
        var target = Path.Combine(root, name);
        foreach (var (folder, role) in readOnly)
        {
            RefuseOverlap(root, target, folder, role);
        }

        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublicationFolderException($"{root} : impossible de créer le dossier de sortie ({e.Message})");
        }

        var lockPath = Path.Combine(root, LockFileName);
        FileStream lockFile;
        try
        {
            // FileShare.None is an advisory flock on Unix: a second run is refused, and a killed run's lock is released.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException)
        {
            throw new PublicationFolderException($"{root} : le dossier de sortie n'est pas accessible en écriture");
        }
        catch (IOException)
        {
            throw new PublicationFolderException(
                $"{root} : une autre exécution publie déjà dans ce dossier (verrou {LockFileName}) ; rien n'a été fait, relancez quand elle sera terminée",
                held: true);
        }

        try
        {
            var recovered = Recover(root, name);
            RefuseForeignTarget(target);
            var staging = Path.Combine(root, $".{name}.en-cours.{Environment.ProcessId}");
            Directory.CreateDirectory(staging);
            return new RunFolder(root, name, lockFile, staging, recovered, afterStep);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lockFile.Dispose();
            throw new PublicationFolderException($"{root} : le dossier de sortie n'est pas accessible en écriture ({e.Message})");
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Writes every file, then swaps the new folder in; returns the publication's path.</summary>
    public string Publish(IEnumerable<OutputFile> files)
    {
        if (published)
        {
            throw new InvalidOperationException("a run folder publishes once");
        }

        published = true;
        foreach (var file in files)
        {
            var path = Path.Combine(staging, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(file.Content);
            stream.Flush(flushToDisk: true);
        }

        afterStep?.Invoke(SwapStep.StagingWritten);
        if (Directory.Exists(Target))
        {
            Directory.Move(Target, Previous);
        }

        afterStep?.Invoke(SwapStep.PreviousSetAside);
        Directory.Move(staging, Target);
        afterStep?.Invoke(SwapStep.NewInPlace);
        DeleteIfExists(Previous);
        afterStep?.Invoke(SwapStep.PreviousDeleted);
        return Target;
    }

    /// <summary>A run that did not publish leaves nothing behind but the lock file; the lock is released.</summary>
    public void Dispose()
    {
        try
        {
            DeleteIfExists(staging);

            // A rename that failed between the two steps: the previous publication goes back at once.
            if (!Directory.Exists(Target) && Directory.Exists(Previous))
            {
                Directory.Move(Previous, Target);
            }
        }
        finally
        {
            lockFile.Dispose();
        }
    }

    /// <summary>Releases the lock and nothing else, as a killed process would (tests of crash recovery).</summary>
    internal void Abandon() => lockFile.Dispose();

    /// <summary>
    /// Finishes what a killed run left, under the lock (so every leftover is a dead run's): a publication set aside with
    /// no new one in place is put back; a publication set aside once the new one was in place is deleted; staging
    /// folders are deleted.
    /// </summary>
    private static List<string> Recover(string root, string name)
    {
        var recovered = new List<string>();
        var target = Path.Combine(root, name);
        var previous = Path.Combine(root, $".{name}.precedente");
        if (Directory.Exists(previous))
        {
            if (Directory.Exists(target))
            {
                DeleteIfExists(previous);
                recovered.Add($"{previous} : copie de l'ancienne publication laissée par une exécution interrompue après la mise en place de la nouvelle, supprimée");
            }
            else
            {
                Directory.Move(previous, target);
                recovered.Add($"{target} : publication précédente remise en place (une exécution avait été interrompue pendant le remplacement)");
            }
        }

        foreach (var leftover in Directory.EnumerateDirectories(root, $".{name}.en-cours*").Order(StringComparer.Ordinal))
        {
            DeleteIfExists(leftover);
            recovered.Add($"{leftover} : dossier de travail d'une exécution interrompue, supprimé");
        }

        return recovered;
    }

    /// <summary>A folder <c>N</c> is replaced only when it is a publication (its manifest names this engine) or empty.</summary>
    private static void RefuseForeignTarget(string target)
    {
        if (File.Exists(target))
        {
            throw new PublicationFolderException($"{target} existe et n'est pas un dossier : rien n'est remplacé");
        }

        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any() || IsPublication(target))
        {
            return;
        }

        throw new PublicationFolderException(
            $"{target} existe et n'est pas une publication de Reporting (pas de manifest.json du moteur) : rien n'est remplacé ni effacé ; choisissez un autre --out ou videz ce dossier");
    }

    private static bool IsPublication(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return document.RootElement.TryGetProperty("moteur", out var engine)
                && engine.TryGetProperty("nom", out var engineName)
                && engineName.GetString() == EngineInfo.Name;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    /// <summary>Refuses an output folder that is, contains or lies in <paramref name="input"/> (a folder the command reads).</summary>
    public static void EnsureApart(string output, (string Folder, string Role) input) => RefuseOverlap(output, output, input.Folder, input.Role);

    private static void RefuseOverlap(string root, string target, string folder, string role)
    {
        var input = RealPath(folder);
        foreach (var output in new[] { RealPath(root), RealPath(target) }.Distinct(StringComparer.Ordinal))
        {
            string? relation = output == input ? "est"
                : IsInside(input, output) ? "contient"
                : IsInside(output, input) ? "est dans"
                : null;
            if (relation is not null)
            {
                throw new PublicationFolderException(
                    $"--out {root} : le dossier de publication {output} {relation} le dossier {role} {folder} ; les entrées ne sont jamais écrites ni effacées : choisissez un dossier de sortie à part");
            }
        }
    }

    private static bool IsInside(string inner, string outer) =>
        inner.StartsWith(Path.TrimEndingDirectorySeparator(outer) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The absolute path with every symbolic link resolved, as far as the path exists (the rest appended as is).</summary>
    internal static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        var existing = full;
        while (!Directory.Exists(existing) && !File.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }

        var resolved = ResolveExisting(existing);
        while (missing.Count > 0)
        {
            resolved = Path.Combine(resolved, missing.Pop());
        }

        return resolved;
    }

    private static string ResolveExisting(string path)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? ResolveExisting(Path.TrimEndingDirectorySeparator(target.FullName))
                : next;
        }

        return current;
    }

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
