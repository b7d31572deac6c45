using Deconflict.Core.Surveillance;
using Orleans.Concurrency;

namespace Deconflict.Hub.Cluster.Grains;

/// <summary>A node's live air picture, as the other nodes reach it: reports another node accepted for a party.</summary>
public interface IPictureObserver : IGrainObserver
{
    [OneWay]
    Task Reports(string party, PositionReport[] reports);
}
