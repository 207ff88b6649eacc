using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>A request field of the wrong type (<c>"code": 5</c>): the kernel answers it with an error reply naming the field.</summary>
public sealed class InvalidRequestException(string message) : Exception(message);

/// <summary>Reads a request's content fields with the types the messaging spec gives them; absent fields take their default.</summary>
internal static class RequestFields
{
    public static string String(JupyterMessage request, string name, string fallback) =>
        Read(request, name, JsonValueKind.String, "a string", fallback, value => value.GetValue<string>());

    public static bool Bool(JupyterMessage request, string name, bool fallback) =>
        Read(request, name, JsonValueKind.True, "true or false", fallback, value => value.GetValue<bool>());

    public static int Int(JupyterMessage request, string name, int fallback) =>
        Read(request, name, JsonValueKind.Number, "an integer", fallback, value =>
            value.TryGetValue<int>(out var number) ? number
            : value.TryGetValue<double>(out var real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue ? (int)real
            : throw Invalid(request, name, "an integer", value));

    private static T Read<T>(JupyterMessage request, string name, JsonValueKind kind, string expected, T fallback, Func<JsonValue, T> read)
    {
        var node = request.Content[name];
        if (node is null)
        {
            return fallback;
        }

        var actual = node.GetValueKind();
        var matches = kind == JsonValueKind.True ? actual is JsonValueKind.True or JsonValueKind.False : actual == kind;
        return matches ? read(node.AsValue()) : throw Invalid(request, name, expected, node);
    }

    private static InvalidRequestException Invalid(JupyterMessage request, string name, string expected, JsonNode node) =>
        new($"{request.Type}: the field '{name}' must be {expected}, not {Describe(node)}.");

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
