using System.IO.Compression;
using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// A zip archive from the manifest (e.g. <c>nltk/brown.zip</c>) whose SHA-256 has been checked, and whose
/// members can be read in memory or extracted into the cache. Every member read is checked against the
/// CRC-32 and length the archive records for it, so a damaged member is an error, never silently wrong text.
/// Extraction writes each member to a temporary file and moves it into place: a failure leaves nothing behind.
/// </summary>
public sealed class DatasetArchive
{
    private readonly DataLocations _locations;
    private readonly Lazy<IReadOnlyList<string>> _members;

    internal DatasetArchive(DatasetFile file, string path, DataLocations locations)
    {
        File = file;
        Path = path;
        _locations = locations;
        _members = new Lazy<IReadOnlyList<string>>(ListMembers);
    }

    /// <summary>The manifest entry of the archive.</summary>
    public DatasetFile File { get; }

    /// <summary>Where the verified archive is on this machine (mirror or cache).</summary>
    public string Path { get; }

    /// <summary>The archive's files (folders left out), with '/' separators, in archive order.</summary>
    /// <exception cref="DatasetUnavailableException">The archive is not a readable zip.</exception>
    public IReadOnlyList<string> Members => _members.Value;

    /// <summary>Whether the archive has a file <paramref name="member"/>.</summary>
    public bool Contains(string member) => Members.Contains(member, StringComparer.Ordinal);

    /// <summary>The bytes of one member, checked against its recorded CRC-32 and length.</summary>
    /// <param name="member">The member's path inside the archive, e.g. "brown/ca01".</param>
    /// <exception cref="ArgumentException">The archive has no such member; the message shows similar names.</exception>
    /// <exception cref="DatasetUnavailableException">The member is damaged (CRC-32 or length differ).</exception>
    public byte[] ReadAllBytes(string member)
    {
        using var archive = OpenZip();
        var entry = Entry(archive, member);
        using var buffer = new MemoryStream(checked((int)entry.Length));
        CopyChecked(entry, buffer);
        return buffer.ToArray();
    }

    /// <summary>The text of one member, UTF-8 by default (invalid bytes are an error, a byte-order mark is skipped).</summary>
    /// <param name="member">The member's path inside the archive.</param>
    /// <param name="encoding">The member's encoding; null for strict UTF-8.</param>
    /// <inheritdoc cref="ReadAllBytes" path="/exception"/>
    public string ReadAllText(string member, Encoding? encoding = null)
    {
        var bytes = ReadAllBytes(member);
        if (encoding is not null)
            return encoding.GetString(bytes);
        try
        {
            return PlainText.Decode(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{File.DisplayName}!{member}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Extracts one member into the cache, at <c>&lt;cache&gt;/&lt;dataset&gt;/&lt;archive name without .zip&gt;/&lt;member&gt;</c>,
    /// and returns that path. A member extracted before (same length) is not written again.
    /// </summary>
    /// <inheritdoc cref="ReadAllBytes" path="/exception"/>
    public string Extract(string member)
    {
        var destination = ExtractedPath(member);
        using var archive = OpenZip();
        var entry = Entry(archive, member);
        if (System.IO.File.Exists(destination) && new FileInfo(destination).Length == entry.Length)
            return destination;

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var temporary = $"{destination}.{Guid.NewGuid():N}.part";
        try
        {
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                CopyChecked(entry, target);
            System.IO.File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temporary))
                System.IO.File.Delete(temporary);
        }

        return destination;
    }

    /// <summary>Extracts every member (see <see cref="Extract"/>) and returns the folder holding them.</summary>
    public string ExtractAll()
    {
        foreach (var member in Members)
            Extract(member);
        return ExtractedRoot;
    }

    /// <summary>The folder <see cref="Extract"/> writes into.</summary>
    public string ExtractedRoot
    {
        get
        {
            var name = File.RelativePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                ? File.RelativePath[..^4]
                : File.RelativePath + ".contents";
            return System.IO.Path.Combine([_locations.CacheRoot, File.Dataset, .. name.Split('/')]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{File.DisplayName} ({Members.Count} members)";

    private string ExtractedPath(string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        var parts = member.Split('/');
        if (parts.Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"'{member}' is not a member path of {File.DisplayName}.", nameof(member));
        return System.IO.Path.Combine([ExtractedRoot, .. parts]);
    }

    private ZipArchive OpenZip()
    {
        try
        {
            return ZipFile.OpenRead(Path);
        }
        catch (InvalidDataException e)
        {
            throw Damaged($"it is not a readable zip archive ({e.Message})", e);
        }
    }

    private IReadOnlyList<string> ListMembers()
    {
        using var archive = OpenZip();
        return archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToArray();
    }

    private ZipArchiveEntry Entry(ZipArchive archive, string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        var entry = archive.GetEntry(member);
        if (entry is not null && !member.EndsWith('/'))
            return entry;

        var leaf = member.Split('/')[^1];
        var similar = archive.Entries.Select(e => e.FullName).Where(n => n.EndsWith(leaf, StringComparison.OrdinalIgnoreCase)).Take(5).ToArray();
        var hint = similar.Length > 0
            ? $" Did you mean {string.Join(", ", similar)}?"
            : $" Its first members are {string.Join(", ", archive.Entries.Take(5).Select(e => e.FullName))}.";
        throw new ArgumentException($"{File.DisplayName} has no member '{member}'.{hint}", nameof(member));
    }

    private void CopyChecked(ZipArchiveEntry entry, Stream target)
    {
        var crc = new ZipCrc32();
        long total = 0;
        var buffer = new byte[81920];
        try
        {
            using var source = entry.Open();
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                crc.Append(buffer.AsSpan(0, read));
                target.Write(buffer, 0, read);
                total += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw Damaged($"member '{entry.FullName}' cannot be decompressed ({e.Message})", e);
        }

        if (total != entry.Length)
            throw Damaged($"member '{entry.FullName}' has {total:N0} bytes, not the recorded {entry.Length:N0}", null);
        if (crc.Value != entry.Crc32)
            throw Damaged($"member '{entry.FullName}' has CRC-32 {crc.Value:x8}, not the recorded {entry.Crc32:x8}", null);
    }

    private DatasetUnavailableException Damaged(string problem, Exception? inner) =>
        new($"The archive {File.DisplayName} at {Path} is damaged: {problem}. Nothing was extracted. " +
            $"Replace it with a good copy ({File.Size:N0} bytes, SHA-256 {File.Sha256}) from {File.Url}.",
            File, Path, actualSha256: null, inner);
}
