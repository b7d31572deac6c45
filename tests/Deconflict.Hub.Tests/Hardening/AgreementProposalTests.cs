using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>
/// A proposal can be withdrawn by its proposer, expires, and is never accepted over what the pair settled on
/// after it was made (issue 10, finding 6).
/// </summary>
public abstract class AgreementProposalTests<THub>(THub hub) : IClassFixture<THub>
    where THub : ClockedHub
{
    private const string Full = """{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"}""";
    private const string None = """{"proposer_to_counterparty":"none","counterparty_to_proposer":"none"}""";

    private async Task<(HttpClient A, HttpClient B, string AId, string BId)> PairAsync()
    {
        var a = await hub.CreatePartyAsync("prop-a");
        var b = await hub.CreatePartyAsync("prop-b");
        return (hub.Client(a.Key), hub.Client(b.Key), a.Id, b.Id);
    }

    private static async Task<string> ProposeAsync(HttpClient from, string to, string sharing)
    {
        var body = await (await from.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", $$"""{"counterparty":"{{to}}","sharing":{{sharing}}}""")).ShouldBeAsync(HttpStatusCode.Created);
        body.GetProperty("status").GetString().ShouldBe("proposed");
        return body.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_proposer_withdraws_its_own_proposal_and_it_can_no_longer_be_accepted()
    {
        var (a, b, _, bId) = await PairAsync();
        var first = await ProposeAsync(a, bId, Full);
        var withdrawn = await (await a.PostAsync($"/api/v1/agreements/{first}/decline", null)).ShouldBeAsync(HttpStatusCode.OK);
        withdrawn.GetProperty("status").GetString().ShouldBe("withdrawn");
        (await b.PostAsync($"/api/v1/agreements/{first}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var second = await ProposeAsync(a, bId, Full);
        (await (await a.PostAsync($"/api/v1/agreements/{second}/withdraw", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("withdrawn");
        var third = await ProposeAsync(a, bId, Full);
        (await (await a.PostAsync($"/api/v1/agreements/{third}/end", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("withdrawn");
        // The counterparty declines (it cannot withdraw what it did not propose).
        var fourth = await ProposeAsync(a, bId, Full);
        (await b.PostAsync($"/api/v1/agreements/{fourth}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await b.PostAsync($"/api/v1/agreements/{fourth}/decline", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("declined");
    }

    [Fact]
    public async Task A_proposal_expires_and_an_expired_one_cannot_be_accepted()
    {
        var (a, b, _, bId) = await PairAsync();
        var id = await ProposeAsync(a, bId, Full);
        var shown = await (await b.GetAsync($"/api/v1/agreements/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        var expiresAt = shown.GetProperty("expires_at").GetDateTimeOffset();
        expiresAt.ShouldBe(hub.Clock.GetUtcNow().AddDays(7), TimeSpan.FromSeconds(1));

        hub.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        (await (await b.GetAsync($"/api/v1/agreements/{id}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("expired");
        var refused = await (await b.PostAsync($"/api/v1/agreements/{id}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "status");
        refused.GetProperty("detail").GetString()!.ShouldContain("expired");

        // A new proposal made now can be accepted.
        var again = await ProposeAsync(a, bId, Full);
        (await (await b.PostAsync($"/api/v1/agreements/{again}/accept", null)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task An_old_proposal_never_supersedes_the_agreement_the_pair_settled_on_since()
    {
        var (a, b, aId, bId) = await PairAsync();
        var oldFull = await ProposeAsync(a, bId, Full);
        var newNone = await ProposeAsync(a, bId, None);
        await (await b.PostAsync($"/api/v1/agreements/{newNone}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);

        var refused = await (await b.PostAsync($"/api/v1/agreements/{oldFull}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "status");
        refused.GetProperty("detail").GetString()!.ShouldContain("superseded");
        var list = await (await a.GetAsync("/api/v1/agreements")).ShouldBeAsync(HttpStatusCode.OK);
        var byId = list.EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("status").GetString());
        byId[newNone].ShouldBe("active");
        byId[oldFull].ShouldBe("superseded");

        // Ending the settled agreement does not revive the old proposal either; a proposal made after it can be taken.
        await (await a.PostAsync($"/api/v1/agreements/{newNone}/end", null)).ShouldBeAsync(HttpStatusCode.OK);
        (await b.PostAsync($"/api/v1/agreements/{oldFull}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var pending = await ProposeAsync(b, aId, Full);
        var later = await ProposeAsync(a, bId, None);
        await (await b.PostAsync($"/api/v1/agreements/{later}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        // b's own earlier proposal, made before this settlement, is over too.
        (await a.PostAsync($"/api/v1/agreements/{pending}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

public sealed class SqliteAgreementProposalTests(ClockedHub hub) : AgreementProposalTests<ClockedHub>(hub);

public sealed class PostgresAgreementProposalTests(ClockedPostgresHub hub) : AgreementProposalTests<ClockedPostgresHub>(hub);
