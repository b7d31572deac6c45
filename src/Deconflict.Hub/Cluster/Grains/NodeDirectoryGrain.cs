namespace Deconflict.Hub.Cluster.Grains;

/// <summary>The directory of node pictures; a node that stopped registering is dropped after <see cref="Forget"/>.</summary>
public sealed class NodeDirectoryGrain(TimeProvider clock) : Grain, INodeDirectoryGrain
{
    internal static readonly TimeSpan Forget = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (IPictureObserver Picture, DateTimeOffset Seen)> _nodes = new(StringComparer.Ordinal);

    public Task<NodePicture[]> Register(string node, IPictureObserver picture)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var now = clock.GetUtcNow();
        _nodes[node] = (picture, now);
        foreach (var gone in _nodes.Where(n => now - n.Value.Seen > Forget).Select(n => n.Key).ToList())
        {
            _nodes.Remove(gone);
        }
        return Task.FromResult(_nodes.Where(n => n.Key != node).OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new NodePicture(n.Key, n.Value.Picture)).ToArray());
    }
}
