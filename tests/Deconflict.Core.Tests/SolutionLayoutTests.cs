namespace Deconflict.Core.Tests;

public class SolutionLayoutTests
{
    [Fact]
    public void Core_depends_on_no_web_or_database_library()
    {
        var references = typeof(Deconflict.Core.Geodesy.Wgs84).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        references.ShouldNotContain(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || n.StartsWith("Npgsql", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }
}
