using System.Text;
using Dossier.Ingestion;
using Dossier.Ingestion.PlainText;

namespace Dossier.Ingestion.Tests.PlainText;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteFile(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_text_exactly_and_the_sidecar_metadata()
    {
        var path = WriteFile("story.txt", "Headline – Moscow\nBody “quoted”.\n");
        WriteFile("story.meta.json", """{"title": "Headline – Moscow", "outlet": "RT", "published": "2017-12-23", "language": "en"}""");
        var document = ArticleReader.ReadFile(path);
        Assert.Equal("Headline – Moscow\nBody “quoted”.\n", document.Text);
        Assert.Equal("story", document.Id);
        Assert.Equal("RT", document.Metadata.Outlet);
        Assert.Equal(new DateOnly(2017, 12, 23), document.Metadata.Published);
        Assert.Equal("en", document.Metadata.Language);
    }

    [Fact]
    public void Options_override_the_sidecar()
    {
        var path = WriteFile("story.txt", "Text.");
        WriteFile("story.meta.json", """{"outlet": "RT", "published": "2017-12-23"}""");
        var document = ArticleReader.ReadFile(path, new ArticleReadOptions(Published: new DateOnly(2018, 1, 2), Outlet: "TASS"));
        Assert.Equal("TASS", document.Metadata.Outlet);
        Assert.Equal(new DateOnly(2018, 1, 2), document.Metadata.Published);
    }

    [Fact]
    public void Drops_a_utf8_byte_order_mark_so_offsets_start_at_the_text()
    {
        var path = WriteFile("bom.txt", [0xEF, 0xBB, 0xBF, (byte)'H', (byte)'i']);
        Assert.Equal("Hi", ArticleReader.ReadFile(path).Text);
    }

    [Fact]
    public void Decodes_utf16_with_a_byte_order_mark()
    {
        var path = WriteFile("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Kabul")]);
        Assert.Equal("Kabul", ArticleReader.ReadFile(path).Text);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(Path.Combine(_folder, "nope.txt")));
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_is_a_clear_error()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(_folder));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_a_clear_error()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(WriteFile("empty.txt", [])));
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_file_is_a_clear_error()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(WriteFile("blank.txt", " \n\t\n")));
        Assert.Contains("only whitespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_refused_with_the_offset_of_its_first_NUL()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(WriteFile("image.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13])));
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_reports_the_byte_offset_and_suggests_an_encoding()
    {
        // "Caf" then 0xE9 (é in windows-1252), invalid as UTF-8.
        var path = WriteFile("latin.txt", [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'!']);
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));
        Assert.Contains("byte offset 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("--encoding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_encoding_decodes_legacy_text()
    {
        var path = WriteFile("latin.txt", [(byte)'C', (byte)'a', (byte)'f', 0xE9]);
        Assert.Equal("Café", ArticleReader.ReadFile(path, new ArticleReadOptions(Encoding: "windows-1252")).Text);
    }

    [Fact]
    public void Unknown_encoding_is_a_clear_error()
    {
        var path = WriteFile("a.txt", "a");
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path, new ArticleReadOptions(Encoding: "klingon-8")));
        Assert.Contains("unknown encoding 'klingon-8'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_100_MB_file_is_refused_with_the_stated_limit()
    {
        var path = Path.Combine(_folder, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(100L * 1024 * 1024); // sparse: costs no disk and no time
        }

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));
        Assert.Contains("at most 32 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_standard_input_is_refused_without_reading_it_all()
    {
        using var stream = new EndlessStream();
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadStream(stream, "standard input"));
        Assert.Contains("32 MiB", error.Message, StringComparison.Ordinal);
        Assert.True(stream.Served <= ArticleReader.MaxBytes + (1 << 17));
    }

    [Fact]
    public void Invalid_sidecar_json_names_the_file_and_line()
    {
        var path = WriteFile("story.txt", "Text.");
        WriteFile("story.meta.json", "{\n\"title\": \"x\",\n oops\n}");
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));
        Assert.Contains("story.meta.json: invalid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sidecar_date_must_be_a_date()
    {
        var path = WriteFile("story.txt", "Text.");
        WriteFile("story.meta.json", """{"published": "last Tuesday"}""");
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));
        Assert.Contains("'published' is 'last Tuesday', not a date", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream of 'a' bytes that never ends, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
