using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspGlossary.Server.Protocol;

/// <summary>Reading params and writing results with the source-generated context.</summary>
public static class Json
{
    public static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();
    public static readonly JsonElement True = JsonDocument.Parse("true").RootElement.Clone();

    internal static LspJsonContext Context => LspJsonContext.Default;

    /// <summary>
    /// Reads params of a request. Params of the wrong shape become a -32602 error whose message names the
    /// problem and carries no stack trace.
    /// </summary>
    public static T Read<T>(JsonElement element, JsonTypeInfo<T> type, string method) where T : class
    {
        T? value;
        try
        {
            value = element.Deserialize(type);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw InvalidParams(method, e is JsonException { Path: { } path } ? $"wrong type at {path}" : "wrong shape");
        }
        return value ?? throw InvalidParams(method, "params are missing");
    }

    public static LocalRpcException InvalidParams(string method, string detail) =>
        new($"Invalid params for '{method}': {detail}.") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };

    public static JsonElement Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToElement(value, type);
}
