namespace Deconflict.Hub.Cluster.Grains;

/// <summary>
/// Where the nodes find each other's live pictures: each node registers its <see cref="IPictureObserver"/> again and
/// again (every few seconds) and is told the others'. Kept in memory only: after a loss of the node that held it,
/// the directory is whole again at the next round of registrations.
/// </summary>
public interface INodeDirectoryGrain : IGrainWithIntegerKey
{
    Task<NodePicture[]> Register(string node, IPictureObserver picture);
}

[GenerateSerializer, Immutable]
public sealed record NodePicture([property: Id(0)] string Node, [property: Id(1)] IPictureObserver Picture);
