using System.Security.Cryptography;

namespace RnnWorkbook.Data;

/// <summary>
/// Downloads a dataset file into the cache: streams it to a temporary file beside the destination while
/// hashing it, reports progress, and moves it into place only when size and SHA-256 match the manifest.
/// Whatever goes wrong, no temporary or partial file is left behind.
/// </summary>
internal sealed class FileDownloader(HttpClient http, DataLocations locations)
{
    private const int BufferSize = 81920;

    public async Task DownloadAsync(DatasetFile file, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var destination = locations.CachePath(file);
        var temporary = $"{destination}.{Guid.NewGuid():N}.part";
        try
        {
            var (bytes, sha256) = await DownloadToAsync(file, temporary, progress, cancellationToken).ConfigureAwait(false);
            if (bytes != file.Size || sha256 != file.Sha256)
            {
                var seen = bytes > file.Size ? $"more than {file.Size:N0} bytes" : $"{bytes:N0} bytes with SHA-256 {sha256}";
                throw new DatasetUnavailableException(
                    $"Downloaded {file.DisplayName} from {file.Url} but it does not match the manifest: expected " +
                    $"{file.Size:N0} bytes with SHA-256 {file.Sha256}, received {seen}. Nothing was saved. " +
                    $"The upstream file may have changed; put a good copy at {WhereToPut(file)}.",
                    file, locations.PlacesFor(file)[0], bytes > file.Size ? null : sha256);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private async Task<(long Bytes, string Sha256)> DownloadToAsync(
        DatasetFile file, string temporary, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Offline(file, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", null);

            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                await using (target.ConfigureAwait(false))
                    return await CopyAsync(source, target, file.Size, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException e)
        {
            throw Offline(file, e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Offline(file, "the request timed out", e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw Offline(file, e.Message, e);
        }
    }

    // Copies until the end of the stream or until one byte more than expected has arrived (then the copy is
    // wrong anyway and reading further would only fill the disk).
    private static async Task<(long Bytes, string Sha256)> CopyAsync(
        Stream source, Stream target, long expected, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long total = 0;
        progress?.Report(new DownloadProgress(0, expected));
        while (total <= expected)
        {
            var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
            progress?.Report(new DownloadProgress(total, expected));
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private DatasetUnavailableException Offline(DatasetFile file, string reason, Exception? inner) =>
        new($"Could not download {file.DisplayName} from {file.Url}: {reason}. Without internet, put the file " +
            $"({file.Size:N0} bytes, SHA-256 {file.Sha256}) at {WhereToPut(file)}.",
            file, locations.PlacesFor(file)[0], actualSha256: null, inner);

    private string WhereToPut(DatasetFile file) => string.Join(" or at ", locations.PlacesFor(file));
}
