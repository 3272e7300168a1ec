// Lucene indexes for keyword and hybrid retrieval. The analyzer stems English words.
CREATE FULLTEXT INDEX chunk_text IF NOT EXISTS FOR (n:Chunk) ON EACH [n.text, n.section]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX tool_text IF NOT EXISTS FOR (n:Tool) ON EACH [n.name, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
