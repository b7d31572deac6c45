using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Deconflict.Core.Hotline;

/// <summary>
/// A validated structured message: template plus typed parameters, and an optional free-text remark that is never
/// translated. Build one with <see cref="HotlineMessageParser"/>.
/// </summary>
public sealed record HotlineMessage(HotlineTemplate Template, IReadOnlyDictionary<string, HotlineValue> Parameters, string? Remark)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool NeedsAck => Template.NeedsAck;

    /// <summary>The message this one answers, if any (<c>reply_to</c>).</summary>
    public string? ReplyTo => Parameters.TryGetValue("reply_to", out var v) && v is HotlineValue.Word w ? w.Value : null;

    /// <summary>Canonical JSON of the parameters, in the template's parameter order.</summary>
    public string ParametersJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var parameter in Template.Parameters)
            {
                if (Parameters.TryGetValue(parameter.Name, out var value))
                {
                    json.WritePropertyName(parameter.Name);
                    value.WriteTo(json);
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
