namespace Deconflict.Hub.Tests.Hosting;

/// <summary>A party created for a test, with its first key.</summary>
public sealed record TestParty(string Id, string Key, string KeyId, HubHost Host)
{
    public HttpClient Client() => Host.Client(Key);
}
