using Deconflict.Hub.Exports;

namespace Deconflict.Hub.Tests.Exports;

public class CsvTableTests
{
    [Fact]
    public void Fields_are_quoted_per_RFC_4180_and_formulas_from_other_parties_are_defused()
    {
        var csv = new CsvTable("a", "b", "c", "d").Row("=HYPERLINK(\"http://x\")", "x,y", "line\nbreak", -12.5).Row("@SUM(A1)", "+1", null, true).ToString();
        csv.ShouldBe("a,b,c,d\r\n\"'=HYPERLINK(\"\"http://x\"\")\",\"x,y\",\"line\nbreak\",-12.5\r\n'@SUM(A1),'+1,,true\r\n");
    }
}
