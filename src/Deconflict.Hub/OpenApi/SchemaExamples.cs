using System.Text.Json.Nodes;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Intents;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deconflict.Hub.OpenApi;

/// <summary>Examples of the bodies a new client writes first (those of the README's quickstart), shown by <c>/docs</c>.</summary>
public static class SchemaExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(IntentDocument)] = """
            {"type":"FeatureCollection","priority":1,"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[38.0,35.0]},
             "properties":{"alt_lower_ft":10000,"alt_upper_ft":20000,"time_start":"2026-03-01T10:00:00Z","time_end":"2026-03-01T12:00:00Z","radius_m":20000}}]}
            """,
        [typeof(AgreementProposal)] = """
            {"counterparty":"af","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"conflicts_only"},
             "separation":{"h_nm":5,"v_ft":1000,"lookahead_s":300},"ack_deadline_s":300,"languages":{"proposer":"en","counterparty":"ru"}}
            """,
        [typeof(IntentWritten)] = """
            {"id":"C-1","party":"coalition","version":1,"state":"Accepted","priority":1,"conflicts":[{"intent_id":null,"party":"af","blocking":false,"conflict_id":"sc-0193b1"}]}
            """,
    };

    public static Task AddAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Example = JsonNode.Parse(example);
        }
        return Task.CompletedTask;
    }
}
