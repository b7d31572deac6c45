using System.Collections.Concurrent;

namespace Deconflict.Hub.Auth;

/// <summary>
/// Ends what a key keeps open once it is revoked: a long-lived request (the event stream) takes the key's token
/// and stops when it is cancelled, which <see cref="Revoked"/> does right after the revocation commits. A request
/// that takes the token after that finds the key revoked when it checks the store, so none can slip between.
/// </summary>
public sealed class KeyRevocations
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _keys = new(StringComparer.Ordinal);

    /// <summary>Cancelled when <paramref name="keyId"/> is revoked.</summary>
    public CancellationToken TokenFor(string keyId) => _keys.GetOrAdd(keyId, _ => new CancellationTokenSource()).Token;

    /// <summary>Called after the revocation is committed.</summary>
    public void Revoked(string keyId)
    {
        // Not disposed: a request may still be linking to the token; a cancelled source holds nothing else.
        if (_keys.TryRemove(keyId, out var source))
        {
            source.Cancel();
        }
    }
}
