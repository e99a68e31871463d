"""Documents in, citable chunks out: loaders (file formats), chunking (structure), tokenize (jieba)."""
