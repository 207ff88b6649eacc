using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// One message of the Jupyter messaging protocol (5.3): the routing identities, header, parent header,
/// metadata, content and binary buffers, and its wire form
/// <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// </summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] s_delimiter = "<IDS|MSG>"u8.ToArray();

    public JupyterMessage(IReadOnlyList<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata, JsonObject content, IReadOnlyList<byte[]>? buffers = null)
    {
        Identities = identities;
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Buffers = buffers ?? [];
    }

    public IReadOnlyList<byte[]> Identities { get; }

    public JsonObject Header { get; }

    public JsonObject ParentHeader { get; }

    public JsonObject Metadata { get; }

    public JsonObject Content { get; }

    public IReadOnlyList<byte[]> Buffers { get; }

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    public string Id => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A new message from <paramref name="session"/>; a reply when <paramref name="parent"/> is given.</summary>
    public static JupyterMessage Create(string type, JsonObject content, string session, JupyterMessage? parent = null, IReadOnlyList<byte[]>? identities = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities ?? parent?.Identities ?? [], header, parentHeader, new JsonObject(), content);
    }

    /// <summary>Reads a message off the wire.</summary>
    /// <exception cref="InvalidDataException">The frames are not a Jupyter message, or its signature is wrong or missing.</exception>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        var delimiter = -1;
        for (var i = 0; i < frames.Count && delimiter < 0; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(s_delimiter))
            {
                delimiter = i;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            throw new InvalidDataException("not a Jupyter message (no <IDS|MSG> delimiter followed by signature, header, parent_header, metadata, content).");
        }

        var signed = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (!signer.Verify(frames[delimiter + 1], signed))
        {
            throw new InvalidDataException(frames[delimiter + 1].Length == 0 ? "the message is not signed." : "the message's signature is wrong.");
        }

        return new JupyterMessage(
            frames.Take(delimiter).ToArray(),
            Json(signed[0], "header"),
            Json(signed[1], "parent_header"),
            Json(signed[2], "metadata"),
            Json(signed[3], "content"),
            frames.Skip(delimiter + 6).ToArray());
    }

    /// <summary>The message's frames, signed with <paramref name="signer"/>.</summary>
    public IReadOnlyList<byte[]> Encode(MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var signed = new[] { Bytes(Header), Bytes(ParentHeader), Bytes(Metadata), Bytes(Content) };
        var frames = new List<byte[]>(Identities.Count + 6 + Buffers.Count);
        frames.AddRange(Identities);
        frames.Add(s_delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(signed)));
        frames.AddRange(signed);
        frames.AddRange(Buffers);
        return frames;
    }

    private static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    private static JsonObject Json(byte[] frame, string name)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidDataException($"the {name} frame is not a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"the {name} frame is not valid JSON ({e.Message}).", e);
        }
    }
}
