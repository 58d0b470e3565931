using Dossier.Text;

namespace Dossier.Ingestion.Sources;

/// <summary>
/// One article waiting to be read: its key (a path, URL or "file#line") and how to read it. Reading
/// is deferred so a batch can be enumerated lazily and read in parallel; a read that fails throws
/// <see cref="ArticleReadException"/> for this item alone.
/// </summary>
/// <param name="Key">Where the article came from; the corpus stores it as the document's source key.</param>
/// <param name="Read">Reads the article (may throw <see cref="ArticleReadException"/>).</param>
public sealed record SourceItem(string Key, Func<Document> Read);
