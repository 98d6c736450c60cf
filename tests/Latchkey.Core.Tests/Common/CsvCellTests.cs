using Latchkey.Core.Common;
using Xunit;

namespace Latchkey.Core.Tests.Common;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"a\")", "\"'=HYPERLINK(\"\"a\"\")\"")]
    public void A_value_a_spreadsheet_would_run_is_made_text(string value, string expected) => Assert.Equal(expected, CsvCell.Escape(value));

    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("a-b=c", "a-b=c")]
    public void Other_values_are_quoted_only_when_they_must_be(string value, string expected) => Assert.Equal(expected, CsvCell.Escape(value));
}
