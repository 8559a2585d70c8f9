tracebriefSearch.terms("re",{"require":"k"});
