using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>
/// An observer named by one side is told of escalations without the other side's escalation contact; an absurd hold
/// duration is a 400 naming the parameter (issue 10, finding 12).
/// </summary>
public sealed class EscalationDisclosureTests(ClockedHub hub) : IClassFixture<ClockedHub>
{
    [Fact]
    public async Task Each_observer_learns_only_the_contact_of_the_side_that_named_it()
    {
        var (senderId, senderKey) = await hub.CreatePartyAsync("esc-s");
        var (recipientId, recipientKey) = await hub.CreatePartyAsync("esc-r");
        var (senderObserverId, senderObserverKey) = await hub.CreatePartyAsync("esc-os");
        var (recipientObserverId, recipientObserverKey) = await hub.CreatePartyAsync("esc-or");
        using var s = hub.Client(senderKey);
        using var r = hub.Client(recipientKey);
        var agreement = (await (await s.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$"""{"counterparty":"{{recipientId}}","ack_deadline_s":60}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await r.PostAsync($"/api/v1/agreements/{agreement}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await s.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreement}/hotline",
            $$"""{"escalation_contact":"sender desk 11","observer":"{{senderObserverId}}"}""")).ShouldBeAsync(HttpStatusCode.OK);
        await (await r.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreement}/hotline",
            $$"""{"escalation_contact":"recipient duty officer 22","observer":"{{recipientObserverId}}"}""")).ShouldBeAsync(HttpStatusCode.OK);
        var thread = (await (await s.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", $$"""{"parties":["{{recipientId}}"]}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await using var senderStream = await SseClient.ConnectAsync(hub.BaseAddress, senderKey);
        await using var senderObserver = await SseClient.ConnectAsync(hub.BaseAddress, senderObserverKey);
        await using var recipientObserver = await SseClient.ConnectAsync(hub.BaseAddress, recipientObserverKey);
        await (await s.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_HOLD","params":{"position":{"lat_deg":35.1,"lon_deg":38.2},"duration":"PT10M"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        hub.Clock.Advance(TimeSpan.FromSeconds(61));

        static async Task<JsonElement> EscalationAsync(SseClient stream)
        {
            var e = (await stream.ReadUntilAsync(x => x.Type == "escalation", TimeSpan.FromSeconds(20))).LastOrDefault(x => x.Type == "escalation");
            e.ShouldNotBeNull("no escalation arrived");
            return JsonDocument.Parse(e.Data).RootElement.Clone();
        }

        var toSender = await EscalationAsync(senderStream);
        toSender.GetProperty("escalation_contacts").GetProperty(recipientId).GetString().ShouldBe("recipient duty officer 22");
        var toSenderObserver = await EscalationAsync(senderObserver);
        toSenderObserver.GetRawText().ShouldNotContain("recipient duty officer 22");
        toSenderObserver.GetRawText().ShouldNotContain(recipientObserverId);
        var toRecipientObserver = await EscalationAsync(recipientObserver);
        toRecipientObserver.GetProperty("escalation_contacts").GetProperty(recipientId).GetString().ShouldBe("recipient duty officer 22");

        // The observer's audit export holds the same, no more.
        using var observerClient = hub.Client(senderObserverKey);
        (await observerClient.GetStringAsync("/api/v1/audit/export")).ShouldNotContain("recipient duty officer 22");
    }

    [Theory]
    [InlineData("\"P99999999Y\"")]
    [InlineData("\"PT99999999999999999999S\"")]
    [InlineData("\"P1M\"")]
    [InlineData("\"soon\"")]
    [InlineData("1e300")]
    [InlineData("-5")]
    public async Task An_unparsable_or_absurd_hold_duration_is_a_400_naming_the_parameter(string duration)
    {
        var (_, aKey) = await hub.CreatePartyAsync("hold-a");
        var (bId, bKey) = await hub.CreatePartyAsync("hold-b");
        using var a = hub.Client(aKey);
        using var b = hub.Client(bKey);
        var agreement = (await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", $$"""{"counterparty":"{{bId}}"}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await b.PostAsync($"/api/v1/agreements/{agreement}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var thread = (await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", $$"""{"parties":["{{bId}}"]}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await a.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            $$$"""{"template":"REQUEST_HOLD","params":{"position":{"lat_deg":35.1,"lon_deg":38.2},"duration":{{{duration}}}}}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params.duration");
    }
}
