using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// What a Jupyter client tells a kernel it starts: where to bind its five sockets and the key that signs
/// every message. A port of 0 means "any free port"; the kernel reports the ports it bound.
/// </summary>
public sealed record ConnectionFile(
    string Transport,
    string Ip,
    int ShellPort,
    int IOPubPort,
    int StdinPort,
    int ControlPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme)
{
    /// <summary>A loopback connection on free ports with a fresh key, as tests and benchmarks use.</summary>
    public static ConnectionFile Loopback(string? key = null) =>
        new("tcp", "127.0.0.1", 0, 0, 0, 0, 0, key ?? Guid.NewGuid().ToString(), MessageSigner.DefaultScheme);

    /// <exception cref="InvalidDataException">The file is not a connection file this kernel can use.</exception>
    public static ConnectionFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static ConnectionFile Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("a connection file is a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message}).", e);
        }

        var transport = Text(root, "transport", "tcp");
        if (transport != "tcp")
        {
            throw new InvalidDataException($"transport '{transport}' is not supported; this kernel speaks tcp only.");
        }

        return new ConnectionFile(
            transport,
            Text(root, "ip", "127.0.0.1"),
            Port(root, "shell_port"),
            Port(root, "iopub_port"),
            Port(root, "stdin_port"),
            Port(root, "control_port"),
            Port(root, "hb_port"),
            Text(root, "key", ""),
            Text(root, "signature_scheme", MessageSigner.DefaultScheme));
    }

    /// <summary>The ZeroMQ address of <paramref name="port"/>, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{Ip}:{port}";

    public JsonObject ToJson() => new()
    {
        ["transport"] = Transport,
        ["ip"] = Ip,
        ["shell_port"] = ShellPort,
        ["iopub_port"] = IOPubPort,
        ["stdin_port"] = StdinPort,
        ["control_port"] = ControlPort,
        ["hb_port"] = HeartbeatPort,
        ["key"] = Key,
        ["signature_scheme"] = SignatureScheme,
    };

    private static string Text(JsonObject root, string name, string fallback) => root[name] switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new InvalidDataException($"'{name}' must be a string."),
    };

    private static int Port(JsonObject root, string name) => root[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var port) && port is >= 0 and <= 65535 => port,
        null => throw new InvalidDataException($"'{name}' is missing."),
        _ => throw new InvalidDataException($"'{name}' must be a port number (0 to 65535)."),
    };
}
