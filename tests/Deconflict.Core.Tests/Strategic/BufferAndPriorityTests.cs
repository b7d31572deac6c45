using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

public class BufferAndPriorityTests
{
    [Theory]
    [InlineData(0, 0, 0, false)]
    [InlineData(600, 0, 0, true)]
    [InlineData(400, 0, 0, false)]
    public void A_horizontal_buffer_widens_the_shapes(double horizontalM, double verticalFt, double timeS, bool expected)
    {
        var far = Offset(34, 37, 90, 2000 + 1000 + 500);
        var a = Intent("a", "p1", Circle(34, 37, 2000));
        var b = Intent("b", "p2", Circle(far.LatDeg, far.LonDeg, 1000));
        Check(a, b, new StrategicBuffers(horizontalM, verticalFt, timeS)).Count.ShouldBe(expected ? 1 : 0);
    }

    [Fact]
    public void A_horizontal_buffer_separates_polygons_that_only_touch()
    {
        var a = Intent("a", "p1", Polygon((34, 37), (34, 37.2), (34.2, 37.2), (34.2, 37)));
        var b = Intent("b", "p2", Polygon((34, 37.21), (34, 37.4), (34.2, 37.4), (34.2, 37.21)));
        // About 920 m apart at 34N.
        Check(a, b).ShouldBeEmpty();
        Check(a, b, new StrategicBuffers(800, 0, 0)).ShouldBeEmpty();
        Check(a, b, new StrategicBuffers(1000, 0, 0)).Count.ShouldBe(1);
    }

    [Fact]
    public void Vertical_and_time_buffers_widen_bands_and_windows()
    {
        var shape = Circle(34, 37, 5000);
        var a = Intent("a", "p1", Volume(shape, 0, 1000, 0, 2));
        var stacked = Intent("b", "p2", Volume(shape, 1500, 3000, 0, 2));
        var later = Intent("c", "p2", Volume(shape, 0, 1000, 2.25, 4));
        Check(a, stacked, new StrategicBuffers(0, 400, 0)).ShouldBeEmpty();
        var vertical = Check(a, stacked, new StrategicBuffers(0, 600, 0)).Single();
        (vertical.OverlapLowerFt, vertical.OverlapUpperFt).ShouldBe((900, 1600));
        Check(a, later, new StrategicBuffers(0, 0, 800)).ShouldBeEmpty();
        Check(a, later, new StrategicBuffers(0, 0, 1000)).Count.ShouldBe(1);
    }

    [Fact]
    public void Buffers_come_from_the_pair_of_parties()
    {
        var index = new StrategicIndex();
        var far = Offset(34, 37, 0, 3000 + 500);
        index.Upsert(Intent("friend", "p2", Circle(far.LatDeg, far.LonDeg, 1000)));
        index.Upsert(Intent("wary", "p3", Circle(far.LatDeg, far.LonDeg, 1000)));
        var conflicts = index.FindConflicts(Intent("a", "p1", Circle(34, 37, 2000)),
            (x, y) => (x, y) is ("p1", "p3") ? new StrategicBuffers(1000, 0, 0) : StrategicBuffers.None);
        conflicts.Select(c => c.IntentId2).ShouldBe(["wary"]);
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, true)]
    [InlineData(0, 3, true)]
    public void A_conflict_blocks_when_the_other_priority_is_equal_or_higher(int candidatePriority, int otherPriority, bool blocking)
    {
        var shape = Circle(34, 37, 5000);
        var conflict = Check(Intent("new", "p1", shape, candidatePriority), Intent("old", "p2", shape, otherPriority)).Single();
        conflict.Blocking.ShouldBe(blocking);
    }
}
