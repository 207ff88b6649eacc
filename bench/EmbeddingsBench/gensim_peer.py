"""The peer of chapter 04's benchmark: gensim's Word2Vec on the same corpus file with the same settings.

Usage: gensim_peer.py CORPUS OUT_PREFIX sg|cbow THREADS EPOCHS
Prints one line "seconds words_per_second" and saves OUT_PREFIX.bin in word2vec binary format.
"""
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

corpus, prefix, arch, threads, epochs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
sentences = list(LineSentence(corpus))
words = sum(len(s) for s in sentences)
model = Word2Vec(vector_size=100, window=5, negative=5, sample=1e-3, min_count=5, workers=threads,
                 sg=1 if arch == "sg" else 0, seed=1)
model.build_vocab(sentences)
start = time.perf_counter()
model.train(sentences, total_examples=len(sentences), epochs=epochs)
seconds = time.perf_counter() - start
model.wv.save_word2vec_format(prefix + ".bin", binary=True)
print(f"{seconds:.3f} {words * epochs / seconds:.0f}")
