using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Findings 6 and 7: a proposal can be withdrawn and never supersedes a newer agreement; revoking a key ends the
/// event streams opened with it at once.
/// </summary>
public sealed class AgreementAndStreamFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(6).AddHours(9);

    [Fact]
    public async Task Finding_6_an_old_full_proposal_accepted_after_settling_on_none_does_not_supersede_it()
    {
        var a = await hub.NewPartyAsync("settler-a");
        var b = await hub.NewPartyAsync("settler-b");
        var old = await HostileHub.ProposeAsync(a, b, "full", "full");
        var settled = await HostileHub.AgreeAsync(a, b, "none", "none");
        using var ac = a.Client();
        using var bc = b.Client();
        await (await ac.PutIntentAsync("settled-secret", HostileGeoJson.CircleIntent(5.1, 5.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);

        using var accept = await bc.PostAsync($"/api/v1/agreements/{old}/accept", null);
        ((int)accept.StatusCode).ShouldBeInRange(400, 499, $"accepting the stale proposal: {await accept.Content.ReadAsStringAsync()}");
        var current = await (await ac.GetAsync($"/api/v1/agreements/{settled}")).ShouldBeAsync(HttpStatusCode.OK);
        current.GetProperty("status").GetString().ShouldBe("active");
        (await bc.GetAsync("/api/v1/intents/settled-secret")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Finding_6_a_proposer_withdraws_its_proposal_and_it_can_no_longer_be_accepted()
    {
        var a = await hub.NewPartyAsync("withdraw-a");
        var b = await hub.NewPartyAsync("withdraw-b");
        var proposal = await HostileHub.ProposeAsync(a, b, "full", "full");
        using var ac = a.Client();
        var answers = new List<string>();
        var withdrawn = false;
        foreach (var (method, path) in new[] { (HttpMethod.Post, "withdraw"), (HttpMethod.Post, "decline"), (HttpMethod.Post, "end"), (HttpMethod.Delete, "") })
        {
            using var response = await ac.SendJsonAsync(method, $"/api/v1/agreements/{proposal}" + (path.Length > 0 ? "/" + path : ""), null);
            answers.Add($"{method} {path}: {(int)response.StatusCode}");
            if (response.IsSuccessStatusCode)
            {
                withdrawn = true;
                break;
            }
        }
        withdrawn.ShouldBeTrue("the proposer could not withdraw its proposal: " + string.Join("; ", answers));
        var view = await (await ac.GetAsync($"/api/v1/agreements/{proposal}")).ShouldBeAsync(HttpStatusCode.OK);
        view.GetProperty("status").GetString().ShouldNotBe("proposed");
        using var bc = b.Client();
        ((int)(await bc.PostAsync($"/api/v1/agreements/{proposal}/accept", null)).StatusCode).ShouldBeInRange(400, 499);
    }

    [Fact]
    public async Task Finding_7_revoking_a_key_ends_its_open_event_stream_at_once()
    {
        var a = await hub.NewPartyAsync("stream-a");
        var b = await hub.NewPartyAsync("stream-b");
        await HostileHub.AgreeAsync(a, b, "full", "full");
        using var bc = b.Client();
        var issued = await (await bc.PostAsync($"/api/v1/parties/{b.Id}/keys", null)).ShouldBeAsync(HttpStatusCode.Created);
        var (keyId, key) = (issued.GetProperty("key_id").GetString()!, issued.GetProperty("api_key").GetString()!);

        using var client = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull();

        await (await bc.DeleteAsync($"/api/v1/parties/{b.Id}/keys/{keyId}")).ShouldBeAsync(HttpStatusCode.NoContent);
        using var ac = a.Client();
        await (await ac.PutIntentAsync("after-revoke", HostileGeoJson.CircleIntent(7.1, 7.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);

        // Read (at most 10 s) until the stream ends; nothing sent after the revoke may reach it.
        var received = new StringBuilder();
        var ended = false;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                received.AppendLine(line);
            }
            ended = true;
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            ended = true;
        }
        received.ToString().ShouldNotContain("after-revoke", Case.Sensitive, "the revoked key's stream delivered an intent declared after the revoke");
        ended.ShouldBeTrue("the revoked key's stream stayed open");
    }
}
