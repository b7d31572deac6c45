using CsCheck;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Cluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Deconflict.Hub.Tests.Cluster.Grains;

/// <summary>A position report crosses between nodes unchanged, whatever its values (NaN for what a source did not carry).</summary>
public sealed class PositionReportWireTests
{
    private static readonly Serializer Wire = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(PositionReportConverter).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static readonly Gen<double> Value = Gen.OneOf(Gen.Double, Gen.Const(double.NaN), Gen.Double[-1e6, 1e6]);

    private static readonly Gen<PositionReport> Report =
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.Double[0, 4e9], Gen.Double[-90, 90], Gen.Double[-180, 180], Value, Value, Value, Value)
            .SelectMany(t => Gen.Select(Gen.String.Null(), Gen.String.Null()),
                (t, names) => new PositionReport(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, names.Item1, names.Item2));

    [Fact]
    public void Batches_of_reports_round_trip_through_the_cluster_wire_format() =>
        Report.Array[0, 50].Sample(batch =>
        {
            var back = Wire.Deserialize<PositionReport[]>(Wire.SerializeToArray(batch));
            back.ShouldBe(batch);
        }, iter: 500);
}
