using MotCua.Web.Modules.Payments.Gateways.VnPay;

namespace MotCua.UnitTests.Modules.Payments;

public sealed class VnPayStatementTests
{
    [Fact]
    public void Transactions_survive_the_trip_through_one_field()
    {
        VnPayStatement.Line[] lines =
        [
            new("261202ABCDEF", "5000000", "14012345", "00", "20261202150000"),
            new("261202FEDCBA", "2000000", "0", "02", "20261202151000"),
        ];
        Assert.Equal(lines, VnPayStatement.Decode(VnPayStatement.Encode(lines)));
    }

    [Fact]
    public void Separators_inside_a_value_cannot_forge_another_transaction()
    {
        var text = VnPayStatement.Encode([new VnPayStatement.Line("A;B,C", "100", "1", "00", "20261202150000")]);
        var line = Assert.Single(VnPayStatement.Decode(text));
        Assert.Equal("ABC", line.TxnRef);
    }

    [Fact]
    public void An_empty_statement_has_no_transactions_and_a_malformed_entry_is_left_out()
    {
        Assert.Empty(VnPayStatement.Decode(""));
        Assert.Empty(VnPayStatement.Decode(null));
        Assert.Single(VnPayStatement.Decode("A,100,1,00,20261202150000;broken"));
    }
}
