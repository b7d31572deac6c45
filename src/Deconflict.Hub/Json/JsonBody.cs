using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Json;

/// <summary>
/// Reads request bodies under the hub's size limit and turns every client mistake (malformed JSON,
/// wrong types, unknown members, oversized bodies) into a problem naming the field, never an exception.
/// </summary>
public static class JsonBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the raw body, at most <see cref="HubOptions.MaxBodyBytes"/> bytes.</summary>
    public static Task<BodyRead<byte[]>> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadBytesAsync(request, allowEmpty: false, cancellationToken);

    /// <summary>The body as strict UTF-8 text, "" when there is none (for endpoints whose body is optional).</summary>
    public static async Task<BodyRead<string>> ReadOptionalTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = await ReadBytesAsync(request, allowEmpty: true, cancellationToken).ConfigureAwait(false);
        if (raw.Problem is not null)
        {
            return BodyRead<string>.Fail(raw.Problem);
        }
        try
        {
            return BodyRead<string>.Ok(StrictUtf8.GetString(raw.Value!));
        }
        catch (DecoderFallbackException)
        {
            return BodyRead<string>.Fail(Problems.Validation("body", "The body is not UTF-8."));
        }
    }

    private static async Task<BodyRead<byte[]>> ReadBytesAsync(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<HubOptions>>().Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return BodyRead<byte[]>.Fail(Problems.TooLarge(limit));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                if (buffer.Length + n > limit)
                {
                    return BodyRead<byte[]>.Fail(Problems.TooLarge(limit));
                }
                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e)
        {
            return BodyRead<byte[]>.Fail(e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(limit)
                : Problems.BadRequest("The request body could not be read."));
        }
        if (buffer.Length == 0 && !allowEmpty)
        {
            return BodyRead<byte[]>.Fail(Problems.Validation("body", "A JSON body is required."));
        }
        return BodyRead<byte[]>.Ok(buffer.ToArray());
    }

    /// <summary>Reads the raw body as strict UTF-8 text (for bodies parsed as GeoJSON rather than deserialized).</summary>
    public static async Task<BodyRead<string>> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = await ReadBytesAsync(request, cancellationToken).ConfigureAwait(false);
        if (raw.Problem is not null)
        {
            return BodyRead<string>.Fail(raw.Problem);
        }
        try
        {
            return BodyRead<string>.Ok(StrictUtf8.GetString(raw.Value!));
        }
        catch (DecoderFallbackException)
        {
            return BodyRead<string>.Fail(Problems.Validation("body", "The body is not UTF-8."));
        }
    }

    /// <summary>Reads and deserializes a JSON object body.</summary>
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await ReadBytesAsync(request, cancellationToken).ConfigureAwait(false);
        if (raw.Problem is not null)
        {
            return BodyRead<T>.Fail(raw.Problem);
        }
        return Deserialize<T>(raw.Value!);
    }

    public static BodyRead<T> Deserialize<T>(ReadOnlySpan<byte> utf8)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, HubJson.Options);
            return value is null
                ? BodyRead<T>.Fail(Problems.Validation("body", "A JSON object is required."))
                : BodyRead<T>.Ok(value);
        }
        catch (JsonException e)
        {
            return BodyRead<T>.Fail(Problems.Validation(FieldOf(e.Path), Describe(e)));
        }
        catch (NotSupportedException)
        {
            return BodyRead<T>.Fail(Problems.Validation("body", "The body is not in a supported shape."));
        }
        catch (InvalidOperationException)
        {
            return BodyRead<T>.Fail(Problems.Validation("body", "The body is not in a supported shape."));
        }
    }

    /// <summary>Turns a JSON path such as <c>$.sharing.full</c> or <c>$['a b']</c> into <c>sharing.full</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json messages name the target CLR type; keep the useful first sentence only.
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "Unknown member.";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "The value has the wrong type or is not one of the allowed values.";
        }
        if (message.Contains("missing required", StringComparison.OrdinalIgnoreCase))
        {
            return "A required member is missing.";
        }
        return "The JSON is malformed.";
    }
}
