using System.Text;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Imaging.Inspection;

namespace PhotoGallery.Tests.Unit.Imaging;

public sealed class ImageSnifferTests
{
    [Theory]
    [InlineData("FFD8FFE0", ImageFormat.Jpeg)]
    [InlineData("89504E470D0A1A0A0000000D49484452", ImageFormat.Png)]
    [InlineData("52494646000000005745425056503820", ImageFormat.WebP)]
    [InlineData("0000001C667479706865696300000000", ImageFormat.Heic)]
    [InlineData("00000018667479706D69663100000000686569636D696631", ImageFormat.Heic)]
    public void Sniff_AcceptedMagicBytes_ReturnsFormat(string hex, ImageFormat expected)
    {
        Assert.Equal(expected, ImageSniffer.Sniff(Convert.FromHexString(hex)).Format);
    }

    [Theory]
    [InlineData("0000001C6674797061766966000000006D696631", "AVIF")]
    [InlineData("474946383961", "GIF")]
    [InlineData("424D00000000", "BMP")]
    [InlineData("49492A00", "TIFF")]
    [InlineData("255044462D312E37", "PDF")]
    [InlineData("504B0304", "a ZIP archive")]
    [InlineData("00000020667479706973736F6D000000", "video or another media file")]
    [InlineData("000102030405", "not a recognised image format")]
    public void Sniff_OtherContent_DescribesIt(string hex, string description)
    {
        var sniffed = ImageSniffer.Sniff(Convert.FromHexString(hex));

        Assert.Null(sniffed.Format);
        Assert.Equal(description, sniffed.Description);
    }

    [Theory]
    [InlineData("hello, world\n")]
    [InlineData("Ünïcödé text 🌅")]
    public void Sniff_Text_SaysText(string text)
    {
        Assert.Equal("text", ImageSniffer.Sniff(Encoding.UTF8.GetBytes(text)).Description);
    }
}
