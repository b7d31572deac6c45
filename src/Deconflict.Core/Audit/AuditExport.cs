using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Deconflict.Core.Audit;

/// <summary>
/// The NDJSON export format, version 1: one JSON object per line, members in a fixed order.
/// Full: <c>{"v":1,"seq","time","actor","action","object_type","object_id","visibility":[..],"content_json","content_hash","prev_hash","entry_hash","signature"}</c>
/// (<c>content_json</c> is the exact content text, as a string, so its hash can be recomputed byte for byte).
/// Redacted: <c>{"v":1,"seq","redacted":true,"prev_hash","entry_hash","signature"}</c>.
/// </summary>
public static class AuditExport
{
    public const int FormatVersion = 1;
    public const string ContentType = "application/x-ndjson";

    // Relaxed escaping keeps Cyrillic and other text readable; NDJSON is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FormatLine(AuditExportLine line)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("v", FormatVersion);
            json.WriteNumber("seq", line.Sequence);
            if (line.Entry is { } e)
            {
                json.WriteString("time", AuditEncoding.FormatTime(e.Time));
                json.WriteString("actor", e.Actor);
                json.WriteString("action", e.Action);
                json.WriteString("object_type", e.ObjectType);
                json.WriteString("object_id", e.ObjectId);
                json.WriteStartArray("visibility");
                foreach (var party in e.Visibility)
                {
                    json.WriteStringValue(party);
                }
                json.WriteEndArray();
                json.WriteString("content_json", e.ContentJson);
                json.WriteString("content_hash", e.ContentHash);
            }
            else
            {
                json.WriteBoolean("redacted", true);
            }
            json.WriteString("prev_hash", line.PreviousHash);
            json.WriteString("entry_hash", line.EntryHash);
            if (line.Signature is null)
            {
                json.WriteNull("signature");
            }
            else
            {
                json.WriteString("signature", line.Signature);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string FormatLine(AuditEntry entry, string? reader) => FormatLine(AuditExportLine.For(entry, reader));

    /// <summary>Parses one line; throws <see cref="AuditFormatException"/> naming the line number and field.</summary>
    public static AuditExportLine ParseLine(string text, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AuditFormatException(lineNumber, "(line)", "not valid JSON: " + e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AuditFormatException(lineNumber, "(line)", "expected a JSON object");
            }
            var reader = new LineReader(root, lineNumber);
            var version = reader.Long("v");
            if (version != FormatVersion)
            {
                throw new AuditFormatException(lineNumber, "v", $"unsupported format version {version}");
            }
            var sequence = reader.Long("seq");
            if (sequence < 1)
            {
                throw new AuditFormatException(lineNumber, "seq", "must be a positive integer");
            }
            var previous = reader.Hash("prev_hash");
            var hash = reader.Hash("entry_hash");
            var signature = reader.OptionalString("signature");
            if (root.TryGetProperty("redacted", out var redacted) && redacted.ValueKind == JsonValueKind.True)
            {
                return new AuditExportLine(sequence, previous, hash, signature, null);
            }
            var timeText = reader.String("time");
            if (!AuditEncoding.TryParseTime(timeText, out var time))
            {
                throw new AuditFormatException(lineNumber, "time", "expected yyyy-MM-ddTHH:mm:ss.ffffffZ");
            }
            var entry = new AuditEntry(sequence, time, reader.String("actor"), reader.String("action"),
                reader.String("object_type"), reader.String("object_id"), reader.StringArray("visibility"),
                reader.String("content_json"), reader.Hash("content_hash"), previous, hash, signature);
            return AuditExportLine.Full(entry);
        }
    }

    private readonly struct LineReader(JsonElement root, long line)
    {
        public long Long(string name) =>
            Get(name) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var value) ? value : throw new AuditFormatException(line, name, "expected an integer");

        public string String(string name)
        {
            var element = Get(name);
            return element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw new AuditFormatException(line, name, "expected a string");
        }

        public string? OptionalString(string name) =>
            !root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null ? null
            : element.ValueKind == JsonValueKind.String ? element.GetString()
            : throw new AuditFormatException(line, name, "expected a string or null");

        public string Hash(string name)
        {
            var value = String(name);
            return AuditEncoding.IsHash(value) ? value : throw new AuditFormatException(line, name, "expected 64 lowercase hex digits");
        }

        public string[] StringArray(string name)
        {
            var element = Get(name);
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw new AuditFormatException(line, name, "expected an array of strings");
            }
            var values = new string[element.GetArrayLength()];
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                values[i++] = item.ValueKind == JsonValueKind.String
                    ? item.GetString()!
                    : throw new AuditFormatException(line, $"{name}[{i}]", "expected a string");
            }
            return values;
        }

        private JsonElement Get(string name) =>
            root.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Undefined
                ? element
                : throw new AuditFormatException(line, name, "missing");
    }
}
