#!/usr/bin/env python3
"""PyTorch reference for bench/train.bench.mjs: the same decoder-only transformer as
@modelproof/finetune (token + learned position embeddings, pre-LN blocks, fused qkv projection,
causal softmax attention, GELU (tanh) MLP, final LN, output head tied to the token embedding,
mean cross-entropy, AdamW with global-norm clipping), trained on random tokens.

Usage: python3 torch_lm.py '<json config>'   (prints one JSON line: per-round ms/step, wall and CPU)
Run with /usr/bin/python3 (Debian python3-torch) and OPENBLAS_NUM_THREADS=1.
"""
import json
import math
import sys
import time

import torch
import torch.nn.functional as F

cfg = json.loads(sys.argv[1])
torch.set_num_threads(cfg.get("threads", 1))
torch.manual_seed(0)
V, T, D, H, L, FF = cfg["vocabSize"], cfg["contextLength"], cfg["dModel"], cfg["nHeads"], cfg["nLayers"], cfg["dFF"]
B, S = cfg["batch"], cfg["seqLen"]
DH = D // H


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = torch.nn.LayerNorm(D, eps=1e-5)
        self.qkv = torch.nn.Linear(D, 3 * D)
        self.o = torch.nn.Linear(D, D)
        self.ln2 = torch.nn.LayerNorm(D, eps=1e-5)
        self.w1 = torch.nn.Linear(D, FF)
        self.w2 = torch.nn.Linear(FF, D)

    def forward(self, x, mask):
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=-1)
        heads = lambda t: t.view(B, S, H, DH).transpose(1, 2)
        q, k, v = heads(q), heads(k), heads(v)
        att = torch.softmax(q @ k.transpose(-1, -2) * (1.0 / math.sqrt(DH)) + mask, dim=-1)
        x = x + self.o((att @ v).transpose(1, 2).reshape(B, S, D))
        return x + self.w2(F.gelu(self.w1(self.ln2(x)), approximate="tanh"))


class GPT(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.wte = torch.nn.Parameter(torch.randn(V, D) * 0.02)
        self.wpe = torch.nn.Parameter(torch.randn(T, D) * 0.01)
        self.blocks = torch.nn.ModuleList([Block() for _ in range(L)])
        self.lnf = torch.nn.LayerNorm(D, eps=1e-5)
        self.register_buffer("mask", torch.triu(torch.full((S, S), float("-inf")), 1))

    def forward(self, ids):
        x = self.wte[ids] + self.wpe[:S]
        for b in self.blocks:
            x = b(x, self.mask)
        return self.lnf(x) @ self.wte.t()


model = GPT()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.01)
ids = torch.randint(0, V, (B, S))
labels = torch.randint(0, V, (B, S))


def step():
    opt.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(ids).view(-1, V), labels.view(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item()


for _ in range(cfg.get("warmup", 3)):
    step()
rounds = []
for _ in range(cfg.get("rounds", 5)):
    n = cfg.get("steps", 10)
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in range(n):
        step()
    rounds.append({"wallMs": (time.perf_counter() - w0) * 1000 / n, "cpuMs": (time.process_time() - c0) * 1000 / n})
print(json.dumps({"torch": torch.__version__, "params": sum(p.numel() for p in model.parameters()), "rounds": rounds}))
