using MotCua.Web.Modules.Applications.Slips;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class SlipKindTests
{
    [Theory]
    [InlineData(SlipKind.Receipt, "01", "receipt")]
    [InlineData(SlipKind.SupplementRequest, "02", "supplement-request")]
    [InlineData(SlipKind.Refusal, "03", "refusal")]
    [InlineData(SlipKind.Apology, "04", "apology")]
    [InlineData(SlipKind.StopNotice, "05", "stop-notice")]
    [InlineData(SlipKind.ProcessingControl, "06", "processing-control")]
    public void Each_kind_has_its_form_number_and_slug(SlipKind kind, string form, string slug)
    {
        Assert.Equal(form, kind.FormNumber());
        Assert.Equal(slug, kind.ToSlug());
        Assert.True(SlipKinds.TryParseSlug(slug, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(kind, SlipKinds.ParseSlug(slug.ToUpperInvariant()));
    }

    [Fact]
    public void All_lists_the_six_forms_in_order() =>
        Assert.Equal(["01", "02", "03", "04", "05", "06"], SlipKinds.All.Select(k => k.FormNumber()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SupplementRequest")]
    [InlineData("0")]
    [InlineData("tracking-book")]
    public void Anything_but_a_slug_does_not_parse(string? slug)
    {
        Assert.False(SlipKinds.TryParseSlug(slug, out _));
        if (slug is not null)
        {
            Assert.Throws<FormatException>(() => SlipKinds.ParseSlug(slug));
        }
    }
}
