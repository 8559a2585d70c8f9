tracebriefSearch.terms("do",{"donald":"2,1"});
