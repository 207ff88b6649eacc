using System.Security.Cryptography;
using System.Text;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Signs and checks Jupyter messages: HMAC-SHA256 over the header, parent header, metadata and content
/// frames with the connection file's key, as a lowercase hex digest. An empty key means messages are not
/// signed (the signature frame is empty), as the messaging spec allows.
/// </summary>
public sealed class MessageSigner
{
    public const string DefaultScheme = "hmac-sha256";

    private readonly byte[] _key;

    public MessageSigner(string key, string scheme = DefaultScheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > 0 && scheme != DefaultScheme)
        {
            throw new ArgumentException($"signature scheme '{scheme}' is not supported; use {DefaultScheme}.", nameof(scheme));
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    public bool Signs => _key.Length > 0;

    /// <summary>The signature of the four signed frames, or "" without a key.</summary>
    public string Sign(IReadOnlyList<byte[]> signedFrames)
    {
        if (!Signs)
        {
            return "";
        }

        return Convert.ToHexStringLower(Digest(signedFrames));
    }

    /// <summary>True when <paramref name="signature"/> is the frames' signature; compared in constant time.</summary>
    public bool Verify(byte[] signature, IReadOnlyList<byte[]> signedFrames)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!Signs)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Digest(signedFrames)));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private byte[] Digest(IReadOnlyList<byte[]> frames)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in frames)
        {
            hmac.AppendData(frame);
        }

        return hmac.GetHashAndReset();
    }
}
